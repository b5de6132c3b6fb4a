package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Busiest;
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
            return unfiltered(snapshot, minJourneys, limit);
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

    /**
     * The table of every journey, kept per snapshot: the {@code limit} busiest of its transitions with at least
     * {@code minJourneys} journeys ({@link Busiest}), in the table's order.
     */
    private TransitionsAnswer unfiltered(JourneySnapshot snapshot, int minJourneys, int limit) {
        TransitionTable table = cache.of(snapshot);
        NodeSpace nodes = table.nodes();
        List<TransitionTable.Transition> all = table.transitions();
        int[] matching = IntStream.range(0, all.size()).filter(i -> all.get(i).journeys() >= minJourneys).toArray();
        int[] listed = Busiest.of(matching, i -> all.get(i).journeys(), i -> all.get(i).count(), i -> i, limit);
        Arrays.sort(listed);
        List<TransitionSummary> summaries = new ArrayList<>(listed.length);
        for (int i : listed) {
            TransitionTable.Transition t = all.get(i);
            summaries.add(TransitionSummary.of(nodes.name(t.from(), snapshot), nodes.name(t.to(), snapshot),
                    t.journeys(), t.count(), t.probability(), t.timing(), t.postPurchase()));
        }
        return new TransitionsAnswer(all.size(), matching.length, listed.length, listed.length < matching.length,
                minJourneys, limit, summaries);
    }
}
