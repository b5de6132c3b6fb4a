package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.compare.KeyMoments;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** Key moments: the touchpoints that go with buying, abandoning or diverting. */
@RestController
@RequestMapping("/api/insights")
class MomentsController {

    static final int MAX_LIMIT = 1000;
    static final int MAX_BETWEENNESS_SOURCES = 100_000;

    static final EndpointParameters MOMENTS = EndpointParameters.of(
            QueryParameter.number("confidence", 0.5, 0.999, 0.95, "Confidence of the intervals"),
            QueryParameter.alpha("Adjusted p-value at or below which a touchpoint gets a direction other than "
                    + "NEUTRAL"),
            QueryParameter.integer("limit", 1, MAX_LIMIT, 50, "Touchpoints returned at most"),
            QueryParameter.integer("betweennessSources", 1, MAX_BETWEENNESS_SOURCES, 256, "Shortest-path sources of "
                    + "betweenness at most: exact on a transition graph of no more nodes, estimated from that many "
                    + "sources (drawn repeatably) on a larger one; the cost grows with them"))
            .refusingShaping("is not supported by key moments: they are measured per touchpoint on whole paths");

    private final JourneyProjection projection;

    MomentsController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/moments")
    @Operation(summary = "Touchpoints that go with a higher or lower purchase rate", description = "Per touchpoint: "
            + "purchase rate of the journeys that saw it before their purchase (or end) against those that did not, "
            + "with Wilson intervals, the Newcombe interval of the difference, the pooled z-test and "
            + "Benjamini-Hochberg adjusted p-values over the touchpoints; lift = rate with / rate without; "
            + "betweenness (shortest paths = most probable ones; estimated from `betweennessSources` sources on a "
            + "larger graph) and PageRank on the transition graph. Ranked by |z|."
            + AttributionController.FILTERS)
    @DeclaredParameters("MOMENTS")
    MomentsAnswer moments(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = MOMENTS.read(parameters, projection);
        JourneySnapshot snapshot = request.snapshot();
        double confidence = request.number("confidence");
        double alpha = request.number("alpha");
        int limit = request.integer("limit");
        // One pass counts the journeys, the touchpoints and the transitions (none for every journey after the first).
        KeyMoments.Ranking ranking = KeyMoments.of(snapshot, request.selection(), confidence, alpha,
                request.integer("betweennessSources"));
        List<KeyMoments.KeyMoment> ranked = ranking.moments();
        List<MomentsAnswer.Moment> moments = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
            moments.add(MomentsAnswer.Moment.of(i + 1, ranked.get(i)));
        }
        return new MomentsAnswer(ranking.journeys(), ranking.purchases(), confidence, alpha, ranked.size(),
                ranking.betweennessSources(), ranking.betweennessExact(), moments);
    }
}
