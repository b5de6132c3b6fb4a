package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
import com.journeyexplorer.analysis.TransitionStats;
import com.journeyexplorer.analysis.TransitionTable;
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
            return new TransitionSummary(from, to, journeys, count, probability,
                    JsonNumbers.finiteOrNull(timing.meanSeconds()), JsonNumbers.finiteOrNull(timing.medianSeconds()),
                    JsonNumbers.finiteOrNull(timing.p90Seconds()), postPurchase);
        }
    }

    @GetMapping("/transitions")
    @Operation(summary = "Transitions with counts, probabilities and timing", description = "Every directly-follows "
            + "transition of the selected journeys' paths to purchase, including (start) -> first step and the last "
            + "step of the path -> outcome node (so the purchase edge leaves the purchase event); probability = count "
            + "over all counts leaving 'from', so they sum to 1 per node. Then the post-purchase transitions, what "
            + "follows a journey's first purchase, flagged postPurchase: true, with probabilities among the "
            + "post-purchase transitions leaving 'from'. Without filters and shaping (and with includeOpen=true, or "
            + "no open journeys) this is the table the TRANSITION relationships in Neo4j hold, ordered by touchpoint "
            + "id; otherwise ordered by from, descending count, then to.")
    @JourneyFilterParameters
    @PathShapingParameters
    List<TransitionSummary> transitions(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        JourneyQuery query = JourneyQuery.of(parameters, Set.of());
        JourneySnapshot snapshot = projection.current();
        query.requireKnownTouchpoints(snapshot);
        boolean everyJourney = query.selection().equals(JourneySelection.all().withOpen(true))
                || query.selection().equals(JourneySelection.all()) && !snapshot.hasOpenJourneys();
        if (everyJourney && query.shaping().equals(PathShaping.touchpoints())) {
            return unfiltered(snapshot);
        }
        TransitionStats stats = TransitionStats.of(snapshot, query.selection(), query.shaping(), true);
        List<TransitionSummary> result = new ArrayList<>(stats.transitions().size());
        for (TransitionStats.Transition t : stats.transitions()) {
            result.add(TransitionSummary.of(t.from(), t.to(), t.journeys(), t.count(), t.probability(), t.timing(),
                    t.postPurchase()));
        }
        return result;
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
