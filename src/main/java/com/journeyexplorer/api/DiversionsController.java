package com.journeyexplorer.api;


import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Diversions;
import com.journeyexplorer.export.Pruning;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Where journeys go from our touchpoints to competitors', and the smallest set of transitions that would stop it. */
@RestController
@RequestMapping("/api")
@Tag(name = "Exits")
class DiversionsController {

    static final int MAX_LIMIT = 1000;

    static final EndpointParameters DIVERSIONS = EndpointParameters.of(
            QueryParameter.integer("limit", 1, MAX_LIMIT, 20,
                    "How many diversions, and how many transitions of the minimum cut, to list, 1.." + MAX_LIMIT),
            QueryParameter.integer("cutMinJourneys", 1, Integer.MAX_VALUE, null, "List beyond the limit every "
                    + "transition of the minimum cut taken by at least this many journeys, at most "
                    + Pruning.MAX_EDGES_LIMIT + " in all: those a map of the graph's links of at least this many "
                    + "journeys can draw (none when absent)"))
            .refusingShaping(EndpointParameters.RAW_TOUCHPOINTS);

    private final JourneyProjection projection;

    DiversionsController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/diversions")
    @Operation(summary = "Transitions to competitors and their minimum cut", description = "Own -> competitor "
            + "transitions of the selected journeys (raw touchpoints, whole journeys), most journeys lost first. "
            + "rate = journeys taking the transition over journeys visiting the touchpoint; cameBack = of them, "
            + "those visiting an own touchpoint afterwards; boughtAfterReturn = of those, the ones purchasing after "
            + "it; inCut = the transition is in the minimum cut, whether or not the cut lists it. minimumCut: the "
            + "fewest journeys' worth of transitions whose removal separates (start) from every competitor "
            + "touchpoint (max-flow): its busiest edges, at most limit of them (and beyond them those of at least "
            + "cutMinJourneys journeys), edgesTotal the transitions of the whole cut and journeys their journeys. "
            + "Path shaping does not apply (400).")
    @DeclaredParameters("DIVERSIONS")
    Diversions diversions(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = DIVERSIONS.read(parameters, projection);
        Integer cutMinJourneys = request.value("cutMinJourneys", Integer.class);
        return cutMinJourneys == null
                ? Diversions.of(request.snapshot(), request.selection(), request.integer("limit"))
                : Diversions.of(request.snapshot(), request.selection(), request.integer("limit"), cutMinJourneys,
                        Pruning.MAX_EDGES_LIMIT);
    }
}
