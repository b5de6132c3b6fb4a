package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.DurationStats;
import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.TransitionCounts;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.export.CleanNumbers;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.graph.TransitionCache;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Aggregated transitions between touchpoints (or shaped labels), with the start and outcome nodes. */
@RestController
@RequestMapping("/api")
@Tag(name = "Transitions")
class TransitionsController {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 100_000;

    static final EndpointParameters TRANSITIONS = EndpointParameters.of(
            QueryParameter.integer("minJourneys", 1, Integer.MAX_VALUE, 1, "Leave out transitions with fewer journeys"),
            QueryParameter.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT, "Most transitions listed, 1.." + MAX_LIMIT));

    private final JourneyProjection projection;
    private final TransitionCache cache;

    TransitionsController(JourneyProjection projection, TransitionCache cache) {
        this.projection = projection;
        this.cache = cache;
    }

    /**
     * One transition; timing in seconds between the two events, null on start and outcome edges. {@code
     * postPurchase}: the transition follows the journey's first purchase.
     */
    record TransitionSummary(String from, String to, long journeys, long count, double probability,
            Double meanSeconds, Double medianSeconds, Double p90Seconds, boolean postPurchase) {

        static TransitionSummary of(String from, String to, long journeys, long count, double probability,
                DurationStats timing, boolean postPurchase) {
            return new TransitionSummary(from, to, journeys, count, CleanNumbers.probability(probability),
                    JsonNumbers.finiteOrNull(timing.meanSeconds()), JsonNumbers.finiteOrNull(timing.medianSeconds()),
                    JsonNumbers.finiteOrNull(timing.p90Seconds()), postPurchase);
        }
    }

    /**
     * @param total       transitions of the selection
     * @param matching    of them, those with at least {@code minJourneys} journeys
     * @param listed      how many {@code transitions} lists: the {@code limit} busiest of the matching ones
     * @param truncated   true when {@code limit} left matching transitions out ({@code listed < matching})
     * @param transitions in the order described on the endpoint
     */
    record TransitionsAnswer(long total, long matching, int listed, boolean truncated, long minJourneys, int limit,
            List<TransitionSummary> transitions) {
    }

    @GetMapping("/transitions")
    @Operation(summary = "Transitions with counts, probabilities and timing", description = "Every directly-follows "
            + "transition of the selected journeys' paths to purchase, including (start) -> first step and the last "
            + "step of the path -> outcome node (so the purchase edge leaves the purchase event); probability = count "
            + "over all counts leaving 'from', so they sum to 1 per node (over all transitions, listed or not). Then "
            + "the post-purchase transitions, what follows a journey's first purchase, flagged postPurchase: true, "
            + "with probabilities among the post-purchase transitions leaving 'from'. Transitions with fewer than "
            + "minJourneys journeys are left out, and at most 'limit' are listed, the busiest (most journeys, then "
            + "count): total, matching, listed and truncated say what was left out. Without filters and shaping (and "
            + "with includeOpen=true, or no open journeys) this is the table the TRANSITION relationships in Neo4j "
            + "hold, ordered by touchpoint id; otherwise ordered by from, descending count, then to.")
    @DeclaredParameters("TRANSITIONS")
    TransitionsAnswer transitions(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = TRANSITIONS.read(parameters, projection);
        JourneyQuery query = request.query();
        JourneySnapshot snapshot = request.snapshot();
        int minJourneys = request.integer("minJourneys");
        int limit = request.integer("limit");
        boolean everyJourney = query.selection().equals(JourneySelection.all().withOpen(true))
                || query.selection().equals(JourneySelection.all()) && !snapshot.hasOpenJourneys();
        if (everyJourney && query.shaping().equals(PathShaping.touchpoints())) {
            return cut(unfiltered(snapshot), minJourneys, limit);
        }
        // only the listed transitions are timed and named: a clickstream's selection has hundreds of thousands
        TransitionCounts counts = TransitionCounts.of(snapshot, query.selection(), query.shaping(), true);
        int matching = counts.matching(minJourneys);
        List<TransitionSummary> listed = counts.transitions(counts.busiest(minJourneys, limit)).stream()
                .map(t -> TransitionSummary.of(t.from(), t.to(), t.journeys(), t.count(), t.probability(), t.timing(),
                        t.postPurchase()))
                .toList();
        return new TransitionsAnswer(counts.size(), matching, listed.size(), listed.size() < matching, minJourneys,
                limit, listed);
    }

    /** The transitions with at least {@code minJourneys} journeys, the {@code limit} busiest of them, in order. */
    static TransitionsAnswer cut(List<TransitionSummary> all, int minJourneys, int limit) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).journeys() >= minJourneys) {
                matching.add(i);
            }
        }
        List<Integer> kept = matching;
        if (matching.size() > limit) {
            kept = new ArrayList<>(matching);
            kept.sort(Comparator.comparingLong((Integer i) -> all.get(i).journeys()).reversed()
                    .thenComparing(Comparator.comparingLong((Integer i) -> all.get(i).count()).reversed())
                    .thenComparing(Comparator.naturalOrder()));
            kept = new ArrayList<>(kept.subList(0, limit));
            kept.sort(Comparator.naturalOrder());
        }
        List<TransitionSummary> listed = kept.stream().map(all::get).toList();
        return new TransitionsAnswer(all.size(), matching.size(), listed.size(), listed.size() < matching.size(),
                minJourneys, limit, listed);
    }

    private List<TransitionSummary> unfiltered(JourneySnapshot snapshot) {
        TransitionTable table = cache.of(snapshot);
        NodeSpace nodes = table.nodes();
        List<TransitionSummary> result = new ArrayList<>(table.transitions().size());
        for (TransitionTable.Transition t : table.transitions()) {
            result.add(TransitionSummary.of(nodes.name(t.from(), snapshot), nodes.name(t.to(), snapshot),
                    t.journeys(), t.count(), t.probability(), t.timing(), t.postPurchase()));
        }
        return result;
    }
}
