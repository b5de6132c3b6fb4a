package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Flows;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Step-by-step flows of the selected journeys, shaped for a Sankey diagram. */
@RestController
@RequestMapping("/api")
@Tag(name = "Paths")
class FlowsController {

    static final int MAX_STEPS = 20;
    static final int MAX_TOP_PER_STEP = 50;

    static final EndpointParameters FLOWS = EndpointParameters.of(
            QueryParameter.integer("steps", 1, MAX_STEPS, 5, "How many steps to show, 1.." + MAX_STEPS),
            QueryParameter.integer("topPerStep", 1, MAX_TOP_PER_STEP, 8, "Labels kept per step, 1.."
                    + MAX_TOP_PER_STEP));

    private final JourneyProjection projection;

    FlowsController(JourneyProjection projection) {
        this.projection = projection;
    }

    /**
     * A Sankey node: {@code id} is {@code step:label}. {@code journeys} = outgoing link values + purchased + abandoned
     * + diverted + open (journeys still in progress that stop there for now) + beyond (paths going on past the last
     * step shown). {@code merged}: the node stands for the labels not kept at its step, "(other)" (or "(other 2)" ...
     * where a kept touchpoint is itself named "(other)").
     */
    record Node(String id, int step, String label, long journeys, long purchased, long abandoned, long diverted,
            long open, long beyond, boolean merged) {
    }

    /** {@code value} journeys go from node {@code source} (at {@code step}) to node {@code target}. */
    record Link(String source, String target, int step, long value) {
    }

    /** The totals of one step's nodes; steps no journey reaches are left out. */
    record StepDropoff(int step, long journeys, long purchased, long abandoned, long diverted, long open,
            long beyond) {
    }

    record FlowsAnswer(long total, List<Node> nodes, List<Link> links, List<StepDropoff> dropoff) {
    }

    @GetMapping("/flows")
    @Operation(summary = "Sankey flows over the first steps", description = "Nodes are (step, label) with the "
            + "topPerStep most frequent labels per step and the rest merged into '(other)' (merged: true; '(other 2)' "
            + "where a kept label is itself '(other)'); links join step i to "
            + "step i + 1. Paths end at the first purchase. Every node's journeys equal its outgoing links plus the "
            + "paths ending there (purchased, abandoned, diverted, and open: journeys still in progress, with "
            + "includeOpen or outcome=open) plus those going on (beyond), so each step's "
            + "flows add up to the journeys that reached it.")
    @DeclaredParameters("FLOWS")
    FlowsAnswer flows(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = FLOWS.read(parameters, projection);
        int steps = request.integer("steps");
        Flows flows = Flows.of(request.snapshot(), request.selection(), request.shaping(), steps,
                request.integer("topPerStep"));
        List<Node> nodes = new ArrayList<>(flows.nodes().size());
        for (Flows.Node node : flows.nodes()) {
            nodes.add(new Node(node.id(), node.step(), node.label(), node.journeys(), node.purchased(),
                    node.abandoned(), node.diverted(), node.open(), node.beyond(), node.merged()));
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
                        step.diverted(), step.open(), step.beyond()));
            }
        }
        return new FlowsAnswer(flows.total(), nodes, links, dropoff);
    }
}
