package com.journeyexplorer.api;

import java.util.List;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Neighbourhood;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What comes before and after a touchpoint (or shaped label) on the selected journeys' paths. */
@RestController
@RequestMapping("/api/touchpoints")
@Tag(name = "Paths")
class NeighbourhoodController {

    static final int MAX_DISTANCE = 10;

    private static final QueryParameter BEFORE = QueryParameter.integer("before", 0, MAX_DISTANCE, 2,
            "Steps back, 0.." + MAX_DISTANCE);
    private static final QueryParameter AFTER = QueryParameter.integer("after", 0, MAX_DISTANCE, 2,
            "Steps ahead, 0.." + MAX_DISTANCE);

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;

    private static final QueryParameter LIMIT = QueryParameter.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT,
            "Labels listed per offset, the most frequent, 1.." + MAX_LIMIT + "; the others are summed in the "
                    + "offset's 'other'");

    static final EndpointParameters BY_PATH = EndpointParameters.of(BEFORE, AFTER, LIMIT);

    static final EndpointParameters BY_QUERY = EndpointParameters.of(
            QueryParameter.text("touchpoint", "Touchpoint name or shaped label").example("Product page").asRequired()
                    .readWith(NeighbourhoodController::touchpoint),
            BEFORE, AFTER, LIMIT);

    private final JourneyProjection projection;

    NeighbourhoodController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/{name}/neighbourhood")
    @Operation(summary = "Steps before and after a touchpoint", description = "Around the first occurrence of the "
            + "label on each selected path (to the first purchase): the label distribution at each offset, -1 down "
            + "to -before and +1 up to +after, with shares of the journeys that reach that offset. Past the start "
            + "of a path the label is (start), past its end the outcome node. With shaping, {name} is a shaped "
            + "label (a channel, stage or group name); 404 when no touchpoint has that label. At most 'limit' labels "
            + "are listed per offset; the others are summed in its 'other' (labels, journeys, share), so the "
            + "listed journeys plus other's equal the offset's journeys. {name} is "
            + "percent-encoded as one path segment (/ as %2F, \\ as %5C, % as %25, ; as %3B, ? as %3F, # as %23); "
            + "GET /api/touchpoints/neighbourhood?touchpoint=... takes it as a query parameter instead, and any name "
            + "('.' and '..' too).")
    @DeclaredParameters("BY_PATH")
    Neighbourhood neighbourhood(@Parameter(description = "Touchpoint name or shaped label") @PathVariable String name,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return answer(name, null, BY_PATH.read(parameters, projection));
    }

    @GetMapping("/neighbourhood")
    @Operation(summary = "Steps before and after a touchpoint, named in the query", description = "As "
            + "/api/touchpoints/{name}/neighbourhood, with the touchpoint (or shaped label) as the query parameter "
            + "'touchpoint', so that any name travels as ordinary query text.")
    @DeclaredParameters("BY_QUERY")
    Neighbourhood neighbourhoodByQuery(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = BY_QUERY.read(parameters, projection);
        return answer(request.text("touchpoint"), "touchpoint", request);
    }

    /** The one touchpoint (or shaped label) named by the query parameter, taken as given. */
    private static String touchpoint(MultiValueMap<String, String> parameters, String parameter) {
        List<String> names = parameters.getOrDefault(parameter, List.of());
        if (names.isEmpty() || names.size() == 1 && names.get(0).isEmpty()) {
            throw new InvalidParameterException(parameter, "is required: the name of one touchpoint (or shaped "
                    + "label), e.g. ?" + parameter + "=Cart");
        }
        if (names.size() > 1) {
            throw new InvalidParameterException(parameter, "must name one touchpoint (or shaped label), given "
                    + names.size() + " times");
        }
        return names.get(0);
    }

    /**
     * The neighbourhood of {@code name}; 404 for a name that is no label of the shaping, listing the first labels it
     * has (sorted) and naming {@code parameter} when the name came from the query (null: from the path).
     */
    private static Neighbourhood answer(String name, String parameter, AnalysisRequest request) {
        Set<String> labels = request.shaping().labels(request.snapshot());
        if (!labels.contains(name)) {
            throw new NotFoundException("touchpoint", name, parameter, List.copyOf(labels));
        }
        return Neighbourhood.of(request.snapshot(), request.selection(), request.shaping(), name,
                request.integer("before"), request.integer("after")).limited(request.integer("limit"));
    }
}
