package com.journeyexplorer.api;

import java.util.HashSet;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/** Attribution of the selected journeys' conversions to touchpoints, channels, stages or groups. */
@RestController
@RequestMapping("/api")
class AttributionController {

    static final String FILTERS = " Takes the common filters: from, to, segment, channel, device, outcome, "
            + "attr.<name>, startsWith, endsWith, contains, excludes, filterScope.";

    private static final Set<String> PARAMETERS;

    static {
        Set<String> parameters = new HashSet<>(AttributionSettings.PARAMETERS);
        parameters.add("remove");
        PARAMETERS = Set.copyOf(parameters);
    }

    private final JourneyProjection projection;

    AttributionController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/attribution")
    @Operation(summary = "Attribute conversions to touchpoints, channels, stages or groups", description = "Markov "
            + "removal effects (exact, orders 1-4) or a heuristic model. A converting journey's path ends before its "
            + "purchase event (an aggregated path's 'Conversion' step earns no credit); its value is the record's "
            + "total. Steps are labelled as the path analyses label them (level, group); paths are taken whole, so "
            + "maxSteps is a 400. Markov keeps repeated steps as self-loops as ChannelAttribution's worked example "
            + "does (A = 2, B = 1), unless collapseRepeats=true." + FILTERS)
    @Parameter(name = "model", in = ParameterIn.QUERY, description = "The attribution model",
            schema = @Schema(allowableValues = {"markov", "first", "last", "linear", "position", "time-decay"},
                    defaultValue = "markov"))
    @Parameter(name = "level", in = ParameterIn.QUERY, description = "Credit touchpoints, their channels or their "
            + "stages", schema = @Schema(allowableValues = {"touchpoint", "channel", "stage"},
                    defaultValue = "touchpoint"))
    @Parameter(name = "group", in = ParameterIn.QUERY, description = "Name:regex, repeatable; touchpoints whose "
            + "whole name matches are credited together as Name", example = "Product pages:Product.*")
    @Parameter(name = "order", in = ParameterIn.QUERY, description = "Markov order, 1..4 (markov only)",
            schema = @Schema(type = "integer", minimum = "1", maximum = "4", defaultValue = "1"))
    @Parameter(name = "collapseRepeats", in = ParameterIn.QUERY, description = "Merge consecutive repeated steps, "
            + "as the current ChannelAttribution code does (markov only)",
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @Parameter(name = "halfLife", in = ParameterIn.QUERY, description = "Half-life in days (in steps for untimed "
            + "aggregated paths), > 0 (time-decay only)",
            schema = @Schema(type = "number", defaultValue = "7", maximum = "3650"))
    @Parameter(name = "remove", in = ParameterIn.QUERY, description = "Comma list of labels whose removal effect "
            + "taken together is reported (markov only); an unknown label is a 404", example = "Search,Email")
    AttributionAnswer attribution(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        JourneySnapshot snapshot = projection.current();
        JourneyQuery query = JourneyQuery.of(parameters, PARAMETERS).requireKnownTouchpoints(snapshot);
        AttributionSettings settings = AttributionSettings.of(parameters, query.shaping());
        if (settings.name() != AttributionSettings.ModelName.MARKOV) {
            AttributionSettings.onlyFor(parameters, "remove", AttributionSettings.ModelName.MARKOV);
        }
        return AttributionAnswer.of(snapshot, query.selection().predicate(snapshot), settings,
                JourneyQuery.list(parameters, "remove"));
    }
}
