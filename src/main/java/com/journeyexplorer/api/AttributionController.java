package com.journeyexplorer.api;

import java.util.List;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.attribution.MarkovChain;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** Attribution of the selected journeys' conversions to touchpoints, channels, stages or groups. */
@RestController
@RequestMapping("/api")
class AttributionController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static final String FILTERS = " Takes the common filters: from, to, segment, channel, device, outcome, "
            + "attr.<name>, startsWith, endsWith, contains, excludes, filterScope.";

    /**
     * The model's parameters are declared for the name check and the description; {@link AttributionSettings#of}
     * reads them together, since which applies depends on the model. Level, groups and collapseRepeats are the
     * path shaping parameters.
     */
    static final EndpointParameters ATTRIBUTION = EndpointParameters.of(
            QueryParameter.filter("model", "The attribution model").allowing(
                    List.of("markov", "first", "last", "linear", "position", "time-decay"), "markov"),
            QueryParameter.filter("order", "Markov order, 1.." + MarkovChain.MAX_ORDER + " (markov only)")
                    .typed("integer", 1).bounded(1, MarkovChain.MAX_ORDER),
            QueryParameter.filter("halfLife", "Half-life in days (in steps for untimed aggregated paths), > 0 "
                    + "(time-decay only)").typed("number", AttributionSettings.DEFAULT_HALF_LIFE_DAYS)
                    .bounded(0, AttributionSettings.MAX_HALF_LIFE_DAYS),
            QueryParameter.list("remove", "Labels whose removal effect taken together is reported (markov only), "
                    + JourneyQuery.LIST_RULE + "; an unknown label is a 404", JourneyQuery::labelNames)
                    .example("Search,Email"),
            QueryParameter.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT, "How many labels to list, the most "
                    + "credited, 1.." + MAX_LIMIT + "; the others are summed in 'other'"));

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
            + "does (A = 2, B = 1); collapseRepeats=true merges them before the states are formed (A A B -> A B), "
            + "which changes the states at orders 2-4, while at order 1 it only drops self-loops and leaves the "
            + "credits as they are. At most 'limit' labels are listed, most conversions first; the labels left out "
            + "are summed in 'other' (labels, conversions, value), so the listed credits plus other's equal totals."
            + FILTERS)
    @DeclaredParameters("ATTRIBUTION")
    AttributionAnswer attribution(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = ATTRIBUTION.read(parameters, projection);
        JourneySnapshot snapshot = request.snapshot();
        AttributionSettings settings = AttributionSettings.of(parameters, request.shaping());
        if (settings.name() != AttributionSettings.ModelName.MARKOV) {
            AttributionSettings.onlyFor(parameters, "remove", AttributionSettings.ModelName.MARKOV);
        }
        return AttributionAnswer.of(snapshot, request.selection().predicate(snapshot), settings,
                request.list("remove")).limited(request.integer("limit"));
    }
}
