package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.OutcomeRule;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TransitionTable} against a literal count of the same journeys: both the dense edge table of ordinary stores
 * and the hash map used beyond 256 nodes, with weights and untimed records.
 */
class TransitionTableTests {

    @ParameterizedTest
    @ValueSource(ints = {6, 300})
    void countsProbabilitiesAndTimingsEqualALiteralCount(int touchpointCount) {
        JourneySnapshot snapshot = randomSnapshot(touchpointCount, 7L * touchpointCount, 3_000);
        for (boolean postPurchase : new boolean[] {false, true}) {
            TransitionTable table = TransitionTable.of(snapshot, journey -> true, postPurchase);
            Map<List<Integer>, Literal> expected = literal(snapshot, postPurchase);

            assertThat(table.transitions()).hasSize(expected.size());
            Map<List<Integer>, Long> outTotals = new HashMap<>();
            expected.forEach((edge, literal) -> outTotals.merge(List.of(edge.get(0), edge.get(2)), literal.count,
                    Long::sum));
            for (TransitionTable.Transition transition : table.transitions()) {
                int layer = transition.postPurchase() ? 1 : 0;
                Literal literal = expected.get(List.of(transition.from(), transition.to(), layer));
                assertThat(literal).as("edge %d -> %d", transition.from(), transition.to()).isNotNull();
                assertThat(transition.count()).isEqualTo(literal.count);
                assertThat(transition.journeys()).isEqualTo(literal.journeys.size());
                assertThat(transition.probability())
                        .isEqualTo((double) literal.count / outTotals.get(List.of(transition.from(), layer)));
                assertThat(transition.timing().samples()).isEqualTo(literal.gaps.size());
                if (!literal.gaps.isEmpty()) {
                    long[] sorted = literal.gaps.stream().mapToLong(Long::longValue).sorted().toArray();
                    assertThat(transition.timing().medianSeconds())
                            .isEqualTo(sorted[(int) Math.ceil(0.5 * sorted.length) - 1] / 1000.0);
                    assertThat(transition.timing().p90Seconds())
                            .isEqualTo(sorted[(int) Math.ceil(0.9 * sorted.length) - 1] / 1000.0);
                }
            }
        }
    }

    @Test
    void purchaseEdgeLeavesThePurchaseEventAndLaterStepsArePostPurchase() {
        List<Touchpoint> touchpoints = List.of(new Touchpoint(0, "Approve", "", "", Owner.OWN),
                new Touchpoint(1, "Validate", "", "", Owner.OWN));
        byte[] types = {EventType.PURCHASE.code(), EventType.TOUCHPOINT.code()};
        JourneySnapshot snapshot = new JourneySnapshot(touchpoints, List.of(new Journey("j", null, new int[] {0, 1},
                new long[] {0, 1000}, types, null, Outcome.PURCHASE, 0, 0.0, 1, "", "", Map.of())), 1);
        NodeSpace nodes = new NodeSpace(2);

        TransitionTable table = TransitionTable.of(snapshot, journey -> true, true);

        assertThat(table.transitions()).extracting(t -> List.of(t.from(), t.to(), t.postPurchase() ? 1 : 0))
                .containsExactly(List.of(0, nodes.outcome(Outcome.PURCHASE), 0), List.of(nodes.start(), 0, 0),
                        List.of(0, 1, 1));
        assertThat(TransitionTable.of(snapshot, journey -> true, false).transitions())
                .noneMatch(TransitionTable.Transition::postPurchase);
    }

    @Test
    void transitionsAreOrderedBySourceThenDescendingCount() {
        TransitionTable table = TransitionTable.of(randomSnapshot(6, 1, 500), journey -> true, false);
        List<TransitionTable.Transition> transitions = table.transitions();
        for (int i = 1; i < transitions.size(); i++) {
            TransitionTable.Transition before = transitions.get(i - 1);
            TransitionTable.Transition after = transitions.get(i);
            assertThat(before.from() < after.from() || before.from() == after.from()
                    && (before.count() > after.count() || before.count() == after.count() && before.to() < after.to()))
                    .as("%s before %s", before, after).isTrue();
        }
    }

    private static final class Literal {
        long count;
        final Set<String> journeys = new HashSet<>();
        final List<Long> gaps = new ArrayList<>();
    }

    /**
     * Every edge of every journey, counted one by one, keyed by (from, to, 1 if post-purchase else 0): the path to
     * purchase with start and outcome, then with {@code postPurchase} each later step; a record of weight w counts w
     * times.
     */
    private static Map<List<Integer>, Literal> literal(JourneySnapshot snapshot, boolean postPurchase) {
        NodeSpace nodes = new NodeSpace(snapshot.touchpoints().size());
        Map<List<Integer>, Literal> edges = new HashMap<>();
        for (Journey journey : snapshot.journeys()) {
            int length = journey.pathLength();
            for (int copy = 0; postPurchase && copy < journey.weight(); copy++) {
                for (int i = length; i < journey.length(); i++) {
                    Literal edge = edges.computeIfAbsent(List.of(journey.steps()[i - 1], journey.steps()[i], 1),
                            key -> new Literal());
                    edge.count++;
                    edge.journeys.add(journey.id() + "#" + copy);
                    if (journey.isTimed()) {
                        edge.gaps.add(journey.times()[i] - journey.times()[i - 1]);
                    }
                }
            }
            List<Integer> sequence = new ArrayList<>();
            sequence.add(nodes.start());
            Arrays.stream(journey.steps(), 0, length).forEach(sequence::add);
            sequence.add(nodes.outcome(journey.outcome()));
            for (int copy = 0; copy < journey.weight(); copy++) {
                for (int i = 0; i + 1 < sequence.size(); i++) {
                    Literal edge = edges.computeIfAbsent(List.of(sequence.get(i), sequence.get(i + 1), 0),
                            key -> new Literal());
                    edge.count++;
                    edge.journeys.add(journey.id() + "#" + copy);
                    if (i > 0 && i + 1 < sequence.size() - 1 && journey.isTimed()) {
                        edge.gaps.add(journey.times()[i] - journey.times()[i - 1]);
                    }
                }
            }
        }
        return edges;
    }

    /** Random journeys of 1 to 8 steps, weights 1 to 3, a quarter untimed, a third with a purchase. */
    private static JourneySnapshot randomSnapshot(int touchpointCount, long seed, int journeyCount) {
        Random random = new Random(seed);
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int id = 0; id < touchpointCount; id++) {
            touchpoints.add(new Touchpoint(id, "t" + id, "", "", id % 5 == 4 ? Owner.COMPETITOR : Owner.OWN));
        }
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < journeyCount; j++) {
            int length = 1 + random.nextInt(8);
            int[] steps = new int[length];
            long[] times = random.nextInt(4) == 0 ? new long[0] : new long[length];
            byte[] types = new byte[length];
            long at = 1_000_000L * j;
            for (int i = 0; i < length; i++) {
                steps[i] = random.nextInt(touchpointCount);
                at += random.nextInt(100_000);
                if (times.length > 0) {
                    times[i] = at;
                }
                types[i] = EventType.TOUCHPOINT.code();
            }
            if (random.nextInt(3) == 0) {
                types[random.nextInt(length)] = EventType.PURCHASE.code();
            }
            int purchaseIndex = OutcomeRule.firstPurchase(types);
            Outcome outcome = purchaseIndex >= 0 ? Outcome.PURCHASE
                    : random.nextBoolean() ? Outcome.ABANDONED : Outcome.DIVERTED;
            journeys.add(new Journey("j" + j, null, steps, times, types, null, outcome, purchaseIndex, 0.0,
                    1 + random.nextInt(3), "", "", Map.of()));
        }
        return new JourneySnapshot(touchpoints, journeys, 1);
    }
}
