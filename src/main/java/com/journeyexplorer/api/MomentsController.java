package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.compare.KeyMoments;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/** Key moments: the touchpoints that go with buying, abandoning or diverting. */
@RestController
@RequestMapping("/api/insights")
class MomentsController {

    static final int MAX_LIMIT = 1000;
    private static final Set<String> PARAMETERS = Set.of("confidence", "alpha", "limit");

    private final JourneyProjection projection;

    MomentsController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/moments")
    @Operation(summary = "Touchpoints that go with a higher or lower purchase rate", description = "Per touchpoint: "
            + "purchase rate of the journeys that saw it before their purchase (or end) against those that did not, "
            + "with Wilson intervals, the Newcombe interval of the difference, the pooled z-test and "
            + "Benjamini-Hochberg adjusted p-values over the touchpoints; lift = rate with / rate without; "
            + "betweenness (shortest paths = most probable ones) and PageRank on the transition graph. Ranked by |z|."
            + AttributionController.FILTERS)
    @Parameter(name = "confidence", in = ParameterIn.QUERY, description = "Confidence of the intervals",
            schema = @Schema(type = "number", minimum = "0.5", maximum = "0.999", defaultValue = "0.95"))
    @Parameter(name = "alpha", in = ParameterIn.QUERY, description = "Adjusted p-value at or below which a "
            + "touchpoint gets a direction other than NEUTRAL",
            schema = @Schema(type = "number", minimum = "0.001", maximum = "0.5", defaultValue = "0.05"))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Touchpoints returned at most",
            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "50"))
    MomentsAnswer moments(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        JourneySnapshot snapshot = projection.current();
        JourneyQuery query = JourneyQuery.of(parameters, PARAMETERS).requireKnownTouchpoints(snapshot);
        for (String shaping : List.of("level", "collapseRepeats", "maxSteps", "group")) {
            if (parameters.containsKey(shaping)) {
                throw new InvalidParameterException(shaping, "is not supported by key moments: they are "
                        + "measured per touchpoint on whole paths");
            }
        }
        double confidence = JourneyQuery.decimal(parameters, "confidence", 0.5, 0.999, 0.95);
        double alpha = JourneyQuery.decimal(parameters, "alpha", 0.001, 0.5, 0.05);
        int limit = JourneyQuery.integer(parameters, "limit", 1, MAX_LIMIT, 50);
        long journeys = 0;
        long purchases = 0;
        for (Journey journey : query.selection().select(snapshot)) {
            journeys += journey.weight();
            purchases += journey.outcome() == Outcome.PURCHASE ? journey.weight() : 0;
        }
        List<KeyMoments.KeyMoment> ranked = KeyMoments.of(snapshot, query.selection().predicate(snapshot),
                confidence, alpha);
        List<MomentsAnswer.Moment> moments = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
            moments.add(MomentsAnswer.Moment.of(i + 1, ranked.get(i)));
        }
        return new MomentsAnswer(journeys, purchases, confidence, alpha, ranked.size(), moments);
    }
}
