package com.journeyexplorer.api;

import java.util.List;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.Neighbourhood;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What comes before and after a touchpoint (or shaped label) on the selected journeys' paths. */
@RestController
@RequestMapping("/api/touchpoints")
@Tag(name = "Paths")
class NeighbourhoodController {

    static final int MAX_DISTANCE = 10;

    private final JourneyProjection projection;

    NeighbourhoodController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/{name}/neighbourhood")
    @Operation(summary = "Steps before and after a touchpoint", description = "Around the first occurrence of the "
            + "label on each selected path (to the first purchase): the label distribution at each offset, -1 down "
            + "to -before and +1 up to +after, with shares of the journeys that reach that offset. Past the start "
            + "of a path the label is (start), past its end the outcome node. With shaping, {name} is a shaped "
            + "label (a channel, stage or group name); 404 when no touchpoint has that label. {name} is "
            + "percent-encoded (/ as %2F, % as %25, ? as %3F, # as %23); GET /api/touchpoints/neighbourhood?"
            + "touchpoint=... takes it as a query parameter instead.")
    @Parameter(name = "before", in = ParameterIn.QUERY, description = "Steps back, 0..10",
            schema = @Schema(type = "integer", minimum = "0", maximum = "10", defaultValue = "2"))
    @Parameter(name = "after", in = ParameterIn.QUERY, description = "Steps ahead, 0..10",
            schema = @Schema(type = "integer", minimum = "0", maximum = "10", defaultValue = "2"))
    @JourneyFilterParameters
    @PathShapingParameters
    Neighbourhood neighbourhood(@Parameter(description = "Touchpoint name or shaped label") @PathVariable String name,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return answer(name, parameters, Set.of("before", "after"));
    }

    @GetMapping("/neighbourhood")
    @Operation(summary = "Steps before and after a touchpoint, named in the query", description = "As "
            + "/api/touchpoints/{name}/neighbourhood, with the touchpoint (or shaped label) as the query parameter "
            + "'touchpoint', so that any name travels as ordinary query text.")
    @Parameter(name = "touchpoint", in = ParameterIn.QUERY, required = true,
            description = "Touchpoint name or shaped label", example = "Product page")
    @Parameter(name = "before", in = ParameterIn.QUERY, description = "Steps back, 0..10",
            schema = @Schema(type = "integer", minimum = "0", maximum = "10", defaultValue = "2"))
    @Parameter(name = "after", in = ParameterIn.QUERY, description = "Steps ahead, 0..10",
            schema = @Schema(type = "integer", minimum = "0", maximum = "10", defaultValue = "2"))
    @JourneyFilterParameters
    @PathShapingParameters
    Neighbourhood neighbourhoodByQuery(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        List<String> names = parameters.getOrDefault("touchpoint", List.of());
        if (names.size() != 1 || names.get(0).isEmpty()) {
            throw new InvalidParameterException("touchpoint", "must name one touchpoint (or shaped label), given "
                    + names.size() + " time(s)");
        }
        return answer(names.get(0), parameters, Set.of("touchpoint", "before", "after"));
    }

    private Neighbourhood answer(String name, MultiValueMap<String, String> parameters, Set<String> known) {
        int before = JourneyQuery.integer(parameters, "before", 0, MAX_DISTANCE, 2);
        int after = JourneyQuery.integer(parameters, "after", 0, MAX_DISTANCE, 2);
        JourneyQuery query = JourneyQuery.of(parameters, known);
        JourneySnapshot snapshot = projection.current();
        query.requireKnownTouchpoints(snapshot);
        if (!query.shaping().labels(snapshot).contains(name)) {
            throw new NotFoundException("touchpoint", name);
        }
        return Neighbourhood.of(snapshot, query.selection(), query.shaping(), name, before, after);
    }
}
