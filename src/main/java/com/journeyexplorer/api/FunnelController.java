package com.journeyexplorer.api;

import java.util.List;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Funnel;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.Touchpoint;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** How the selected journeys move through a list of stages, and where the others went. */
@RestController
@RequestMapping("/api")
@Tag(name = "Exits")
class FunnelController {

    static final int MAX_STAGES = 20;
    static final int MAX_TOP = 50;

    private final JourneyProjection projection;

    FunnelController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/funnel")
    @Operation(summary = "Stage funnel", description = "Per stage: journeys reaching it (a step at a touchpoint of "
            + "that stage; for 'purchase' also a purchase outcome), shareOfTotal, conversion from the previous "
            + "stage, and of the journeys reaching it but not the next (droppedOut) the top touchpoints where the "
            + "abandoned ones ended (abandonedAt) and the competitor touchpoints the diverted ones ended on "
            + "(divertedTo). Whole journeys, raw touchpoints: path shaping does not apply (400). 404 for an asked "
            + "stage no touchpoint has.")
    @Parameter(name = "stages", in = ParameterIn.QUERY, description = "Comma list of 1..20 stages, in funnel order",
            example = "awareness,consideration,purchase,loyalty,advocacy")
    @Parameter(name = "top", in = ParameterIn.QUERY, description = "Touchpoints listed per drop-out kind, 0..50",
            schema = @Schema(type = "integer", minimum = "0", maximum = "50", defaultValue = "5"))
    @JourneyFilterParameters
    Funnel funnel(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        List<String> stages = JourneyQuery.list(parameters, "stages");
        if (parameters.containsKey("stages") && stages.isEmpty() || stages.size() > MAX_STAGES) {
            throw new InvalidParameterException("stages", "must list 1 to " + MAX_STAGES + " stages, was "
                    + stages.size());
        }
        boolean asked = !stages.isEmpty();
        if (!asked) {
            stages = Touchpoint.STAGES;
        }
        int top = JourneyQuery.integer(parameters, "top", 0, MAX_TOP, 5);
        JourneyQuery query = JourneyQuery.of(parameters, Set.of("stages", "top")).rejectShaping();
        JourneySnapshot snapshot = projection.current();
        query.requireKnownTouchpoints(snapshot);
        for (String stage : stages) {
            if (asked && !stage.equalsIgnoreCase("purchase")
                    && snapshot.touchpoints().stream().map(Touchpoint::stage).noneMatch(stage::equalsIgnoreCase)) {
                throw new NotFoundException("stage", stage);
            }
        }
        return Funnel.of(snapshot, query.selection(), stages, top);
    }
}
