package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Flows;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Step-by-step flows of the selected journeys, shaped for a Sankey diagram. */
@RestController
@RequestMapping("/api")
@Tag(name = "Paths")
class FlowsController {

    static final int MAX_STEPS = 20;
    static final int MAX_TOP_PER_STEP = 50;

    private final JourneyProjection projection;

    FlowsController(JourneyProjection projection) {
        this.projection = projection;
    }

    /**
     * A Sankey node: {@code id} is {@code step:label}. {@code journeys} = outgoing link values + purchased + abandoned
     * + diverted + beyond (paths going on past the last step shown).
     */
    record Node(String id, int step, String label, long journeys, long purchased, long abandoned, long diverted,
            long beyond) {
    }

    /** {@code value} journeys go from node {@code source} (at {@code step}) to node {@code target}. */
    record Link(String source, String target, int step, long value) {
    }

    /** The totals of one step's nodes; steps no journey reaches are left out. */
    record StepDropoff(int step, long journeys, long purchased, long abandoned, long diverted, long beyond) {
    }

    record FlowsResponse(long total, List<Node> nodes, List<Link> links, List<StepDropoff> dropoff) {
    }

    @GetMapping("/flows")
    @Operation(summary = "Sankey flows over the first steps", description = "Nodes are (step, label) with the "
            + "topPerStep most frequent labels per step and the rest merged into '(other)'; links join step i to "
            + "step i + 1. Paths end at the first purchase. Every node's journeys equal its outgoing links plus the "
            + "paths ending there (purchased, abandoned, diverted) plus those going on (beyond), so each step's "
            + "flows add up to the journeys that reached it.")
    @Parameter(name = "steps", in = ParameterIn.QUERY, description = "How many steps to show, 1..20",
            schema = @Schema(type = "integer", minimum = "1", maximum = "20", defaultValue = "5"))
    @Parameter(name = "topPerStep", in = ParameterIn.QUERY, description = "Labels kept per step, 1..50",
            schema = @Schema(type = "integer", minimum = "1", maximum = "50", defaultValue = "8"))
    @JourneyFilterParameters
    @PathShapingParameters
    FlowsResponse flows(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        int steps = JourneyQuery.integer(parameters, "steps", 1, MAX_STEPS, 5);
        int topPerStep = JourneyQuery.integer(parameters, "topPerStep", 1, MAX_TOP_PER_STEP, 8);
        JourneyQuery query = JourneyQuery.of(parameters, Set.of("steps", "topPerStep"));
        JourneySnapshot snapshot = projection.current();
        query.requireKnownTouchpoints(snapshot);
        Flows flows = Flows.of(snapshot, query.selection(), query.shaping(), steps, topPerStep);
        List<Node> nodes = new ArrayList<>(flows.nodes().size());
        for (Flows.Node node : flows.nodes()) {
            nodes.add(new Node(node.id(), node.step(), node.label(), node.journeys(), node.purchased(),
                    node.abandoned(), node.diverted(), node.beyond()));
        }
        List<Link> links = new ArrayList<>(flows.links().size());
        for (Flows.Link link : flows.links()) {
            links.add(new Link(link.step() + ":" + link.from(), (link.step() + 1) + ":" + link.to(), link.step(),
                    link.journeys()));
        }
        List<StepDropoff> dropoff = new ArrayList<>(steps);
        for (Flows.StepDropoff step : flows.dropoffs()) {
            if (step.journeys() > 0) {
                dropoff.add(new StepDropoff(step.step(), step.journeys(), step.purchased(), step.abandoned(),
                        step.diverted(), step.beyond()));
            }
        }
        return new FlowsResponse(flows.total(), nodes, links, dropoff);
    }
}
