package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The ledger counted in and out journey by journey equals {@link TransitionTable} over the journeys it holds, edge by
 * edge: counts, journeys, probabilities and timings (weighted and unweighted, with repeated durations), over random
 * sequences of additions and removals.
 */
class TransitionLedgerTests {

    private static final List<Touchpoint> TOUCHPOINTS = List.of(
            new Touchpoint(0, "Ad", "social", "awareness", Owner.OWN),
            new Touchpoint(1, "Search", "search", "consideration", Owner.OWN),
            new Touchpoint(2, "Product", "website", "consideration", Owner.OWN),
            new Touchpoint(3, "Cart", "website", "purchase", Owner.OWN),
            new Touchpoint(4, "Rival", "website", "consideration", Owner.COMPETITOR),
            new Touchpoint(5, "Review", "website", "advocacy", Owner.OWN));

    @Test
    void followsRandomAdditionsAndRemovalsExactly() {
        Random random = new Random(42);
        TransitionLedger ledger = new TransitionLedger();
        List<Journey> held = new ArrayList<>();
        for (int round = 0; round < 300; round++) {
            if (!held.isEmpty() && random.nextInt(3) == 0) {
                for (int i = 1 + random.nextInt(Math.min(5, held.size())); i > 0; i--) {
                    ledger.remove(held.remove(random.nextInt(held.size())));
                }
            }
            for (int i = random.nextInt(6); i > 0; i--) {
                Journey journey = journey(random, "j" + round + "-" + i);
                held.add(journey);
                ledger.add(journey);
            }
            ledger.settle();
            assertThat(edges(ledger)).as("round " + round).isEqualTo(rebuild(held));
        }
    }

    @Test
    void settleListsEdgesThatReachZeroAndTheSiblingsWhoseProbabilityMoved() {
        TransitionLedger ledger = new TransitionLedger();
        Journey toCart = fixed("a", new int[] {0, 2, 3}, Outcome.ABANDONED);
        Journey toRival = fixed("b", new int[] {0, 4}, Outcome.DIVERTED);
        ledger.add(toCart);
        ledger.add(toRival);
        ledger.settle();

        ledger.remove(toRival);
        TransitionLedger.Settled settled = ledger.settle();

        assertThat(settled.deleted()).extracting(edge -> edge.from + ">" + edge.to)
                .containsExactlyInAnyOrder("0>4", "4>" + TransitionLedger.outcomeNode(Outcome.DIVERTED));
        // (start) -> Ad lost a journey, and Ad -> Product is now Ad's only way out: probability 1.
        assertThat(settled.written()).extracting(edge -> edge.from + ">" + edge.to)
                .containsExactlyInAnyOrder(TransitionLedger.START + ">0", "0>2");
    }

    @Test
    void refusesToCountOutAJourneyItNeverCountedIn() {
        TransitionLedger ledger = new TransitionLedger();
        ledger.add(fixed("a", new int[] {0, 2}, Outcome.ABANDONED));
        ledger.settle();

        ledger.remove(fixed("b", new int[] {0, 3}, Outcome.ABANDONED));

        assertThatThrownBy(ledger::settle).isInstanceOf(IllegalStateException.class);
    }

    private static Map<String, List<Object>> edges(TransitionLedger ledger) {
        Map<Long, Long> totals = new TreeMap<>();
        for (TransitionLedger.Edge edge : ledger.edges()) {
            totals.merge(((long) edge.from << 1) | (edge.postPurchase ? 1 : 0), edge.count, Long::sum);
        }
        Map<String, List<Object>> edges = new TreeMap<>();
        for (TransitionLedger.Edge edge : ledger.edges()) {
            long total = totals.get(((long) edge.from << 1) | (edge.postPurchase ? 1 : 0));
            String from = TransitionLedger.nodeName(edge.from, id -> TOUCHPOINTS.get(id).name());
            String to = TransitionLedger.nodeName(edge.to, id -> TOUCHPOINTS.get(id).name());
            edges.put(from + " -> " + to + (edge.postPurchase ? " after" : ""), List.of(edge.count, edge.journeys,
                    (double) edge.count / total, edge.timing()));
        }
        return edges;
    }

    private static Map<String, List<Object>> rebuild(List<Journey> journeys) {
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, journeys, 1);
        TransitionTable table = TransitionTable.of(snapshot, journey -> true, true);
        NodeSpace nodes = table.nodes();
        Map<String, List<Object>> edges = new TreeMap<>();
        for (TransitionTable.Transition transition : table.transitions()) {
            edges.put(nodes.name(transition.from(), snapshot) + " -> " + nodes.name(transition.to(), snapshot)
                    + (transition.postPurchase() ? " after" : ""), List.of(transition.count(), transition.journeys(),
                    transition.probability(), transition.timing()));
        }
        return edges;
    }

    /** A random journey: 1 to 6 steps, repeats allowed, maybe a purchase part-way, maybe timed, maybe weighted. */
    private static Journey journey(Random random, String id) {
        int length = 1 + random.nextInt(6);
        int[] steps = new int[length];
        byte[] types = new byte[length];
        long[] times = random.nextInt(4) == 0 ? new long[0] : new long[length];
        long at = 1_000_000;
        int purchase = random.nextInt(3) == 0 ? random.nextInt(length) : -1;
        for (int i = 0; i < length; i++) {
            steps[i] = random.nextInt(TOUCHPOINTS.size());
            types[i] = (i == purchase ? EventType.PURCHASE : EventType.TOUCHPOINT).code();
            if (times.length > 0) {
                // Few distinct durations, so equal durations (with different weights) meet on an edge.
                at += 1000L * random.nextInt(5);
                times[i] = at;
            }
        }
        Outcome outcome = purchase >= 0 ? Outcome.PURCHASE
                : Outcome.values()[1 + random.nextInt(Outcome.values().length - 1)];
        int weight = random.nextInt(5) == 0 ? 1 + random.nextInt(4) : 1;
        return new Journey(id, null, steps, times, types, null, outcome, purchase, 0.0, weight, null, null, null);
    }

    private static Journey fixed(String id, int[] steps, Outcome outcome) {
        byte[] types = new byte[steps.length];
        java.util.Arrays.fill(types, EventType.TOUCHPOINT.code());
        return new Journey(id, null, steps, new long[0], types, null, outcome, -1, 0.0, 1, null, null, null);
    }
}
