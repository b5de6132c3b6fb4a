package com.journeyexplorer.api;

import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Diversions;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Where journeys go from our touchpoints to competitors', and the smallest set of transitions that would stop it. */
@RestController
@RequestMapping("/api")
@Tag(name = "Exits")
class DiversionsController {

    static final int MAX_LIMIT = 1000;

    private final JourneyProjection projection;

    DiversionsController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/diversions")
    @Operation(summary = "Transitions to competitors and their minimum cut", description = "Own -> competitor "
            + "transitions of the selected journeys (raw touchpoints, whole journeys), most journeys lost first. "
            + "rate = journeys taking the transition over journeys visiting the touchpoint; cameBack = of them, "
            + "those visiting an own touchpoint afterwards; boughtAfterReturn = of those, the ones purchasing after "
            + "it. minimumCut: the fewest journeys' worth of transitions whose removal separates (start) from every "
            + "competitor touchpoint (max-flow). Path shaping does not apply (400).")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many diversions to list, 1..1000",
            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "20"))
    @JourneyFilterParameters
    Diversions diversions(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        int limit = JourneyQuery.integer(parameters, "limit", 1, MAX_LIMIT, 20);
        JourneyQuery query = JourneyQuery.of(parameters, Set.of("limit")).rejectShaping();
        JourneySnapshot snapshot = projection.current();
        query.requireKnownTouchpoints(snapshot);
        return Diversions.of(snapshot, query.selection(), limit);
    }
}
