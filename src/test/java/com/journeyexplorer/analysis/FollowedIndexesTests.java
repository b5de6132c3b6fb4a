package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * The per-snapshot indexes of a snapshot made by upserts and outcome changes follow from the previous snapshot's
 * ({@link JourneySnapshot.Lineage}) and must be exactly those built from scratch: same codes, sequence numbers, edge
 * ids, counts and columns.
 */
class FollowedIndexesTests {

    private static final long HOUR = 3_600_000L;

    @Test
    void indexesFollowedAfterAppendedJourneysAreThoseBuiltAnew() {
        for (JourneySnapshot whole : sources()) {
            int size = whole.journeys().size();
            JourneySnapshot base = prefix(whole, size - 40);
            base.prepareIndexes();
            JourneySnapshot next = base.withChanges(whole.touchpoints(), whole.journeys().subList(size - 40, size - 20));
            JourneySnapshot.Lineage lineage = next.lineage();
            assertThat(lineage.base()).isSameAs(base);
            assertThat(lineage.baseSize()).isEqualTo(size - 40);
            assertThat(JourneyColumns.of(base).following(lineage, next.journeys())).isNotNull();
            assertThat(StepSequences.of(base).following(lineage, next.journeys())).isNotNull();
            assertThat(StepEdges.of(base).following(lineage, next.journeys(), next.touchpoints().size())).isNotNull();
            assertThat(JourneyTimes.of(base).following(lineage, next.journeys())).isNotNull();
            next.prepareIndexes();
            assertThat(next.lineage()).isNull();
            assertSameIndexes(next, rebuilt(next));
            // A change after one whose indexes are not built yet follows from that one's base, with both changes.
            next = base.withChanges(whole.touchpoints(), whole.journeys().subList(size - 40, size - 20));
            next = OpenJourneys.applyChanges(next, whole.touchpoints(), whole.journeys().subList(size - 20, size),
                    List.of(), 30 * 24 * HOUR).snapshot();
            assertThat(next.lineage().base()).isSameAs(base);
            assertSameIndexes(next, rebuilt(next));
        }
    }

    @Test
    void indexesFollowedAfterOutcomeChangesAreThoseBuiltAnew() {
        for (JourneySnapshot whole : sources()) {
            whole = new JourneySnapshot(whole.touchpoints(), whole.journeys(), 1);
            whole.prepareIndexes();
            List<Integer> positions = new ArrayList<>();
            List<Journey> replacements = new ArrayList<>();
            for (int position = 3; position < whole.journeys().size(); position += 7) {
                Journey journey = whole.journeys().get(position);
                positions.add(position);
                replacements.add(journey.withOutcome(journey.outcome() == Outcome.OPEN ? Outcome.ABANDONED
                        : Outcome.OPEN));
            }
            JourneySnapshot next = whole.withReplaced(positions.stream().mapToInt(Integer::intValue).toArray(),
                    replacements);
            assertThat(next.lineage().base()).isSameAs(whole);
            assertSameIndexes(next, rebuilt(next));
        }
    }

    @Test
    void indexesAreBuiltAnewWhenAReplacedJourneyChangesWhatTheyHold() {
        for (JourneySnapshot whole : sources()) {
            whole = new JourneySnapshot(whole.touchpoints(), whole.journeys(), 1);
            whole.prepareIndexes();
            Journey first = whole.journeys().get(0);
            Journey last = whole.journeys().get(whole.journeys().size() - 1);
            int[] reversed = first.steps().clone();
            for (int i = 0; i < reversed.length / 2; i++) {
                int swap = reversed[i];
                reversed[i] = reversed[reversed.length - 1 - i];
                reversed[reversed.length - 1 - i] = swap;
            }
            List<Journey> upserts = List.of(
                    copy(first, first.id(), reversed, first.times(), first.weight(), "another segment", 0),
                    copy(last, "new-weighted", last.steps(), last.times(), 3, last.segment(), 0),
                    copy(last, "new-earliest", last.steps(), last.times(), 1, last.segment(), -400 * 24 * HOUR));
            JourneySnapshot next = whole.withChanges(whole.touchpoints(), upserts);
            assertThat(JourneyColumns.of(whole).following(next.lineage(), next.journeys())).isNull();
            assertSameIndexes(next, rebuilt(next));
            // Only appended: a weight column appears, and a record before the earliest moves every start.
            next = whole.withChanges(whole.touchpoints(), upserts.subList(1, 3));
            assertThat(JourneyColumns.of(whole).following(next.lineage(), next.journeys())).isNotNull();
            assertSameIndexes(next, rebuilt(next));
        }
    }

    private static List<JourneySnapshot> sources() {
        return List.of(JourneyFixture.withOpenJourneys(JourneyFixture.varied(7, 1_200)),
                JourneyFixture.withOpenJourneys(JourneyFixture.clickstream(3, 1_500, 400)),
                JourneyFixture.demo(42, 2_000), JourneyFixture.random(5, 800));
    }

    private static JourneySnapshot prefix(JourneySnapshot whole, int size) {
        return new JourneySnapshot(whole.touchpoints(), new ArrayList<>(whole.journeys().subList(0, size)), 1);
    }

    /** The same records in a snapshot without a lineage: its indexes are built from scratch. */
    private static JourneySnapshot rebuilt(JourneySnapshot snapshot) {
        return new JourneySnapshot(snapshot.touchpoints(), new ArrayList<>(snapshot.journeys()), snapshot.version());
    }

    private static Journey copy(Journey journey, String id, int[] steps, long[] times, int weight, String segment,
            long shift) {
        long[] shifted = times == null ? null : Arrays.stream(times).map(time -> time + shift).toArray();
        return new Journey(id, journey.customerId(), steps, shifted, journey.types(), journey.eventIds(),
                journey.outcome(), journey.purchaseIndex(), journey.value(), weight, segment, journey.device(),
                journey.attributes(), journey.events(), journey.openHorizon());
    }

    private static void assertSameIndexes(JourneySnapshot followed, JourneySnapshot built) {
        List<Journey> journeys = built.journeys();
        int size = journeys.size();
        JourneyColumns columns = JourneyColumns.of(followed);
        JourneyColumns expectedColumns = JourneyColumns.of(built);
        assertThat(columns.segmentNames()).containsExactly(expectedColumns.segmentNames());
        assertThat(columns.isWeighted()).isEqualTo(expectedColumns.isWeighted());
        for (int position = 0; position < size; position++) {
            assertThat(columns.segment(position)).isEqualTo(expectedColumns.segment(position));
            assertThat(columns.device(position)).isEqualTo(expectedColumns.device(position));
            assertThat(columns.outcome(position)).isEqualTo(expectedColumns.outcome(position));
            assertThat(columns.isTimed(position)).isEqualTo(expectedColumns.isTimed(position));
            assertThat(columns.weight(position)).isEqualTo(expectedColumns.weight(position));
            assertThat(columns.deviceCode(journeys.get(position).device()))
                    .isEqualTo(expectedColumns.deviceCode(journeys.get(position).device()));
        }

        StepSequences sequences = StepSequences.of(followed);
        StepSequences expectedSequences = StepSequences.of(built);
        assertThat(sequences.count()).isEqualTo(expectedSequences.count());
        assertThat(sequences.numbers(true)).isEqualTo(expectedSequences.numbers(true));
        assertThat(sequences.numbers(false)).isEqualTo(expectedSequences.numbers(false));
        for (int sequence = 0; sequence < sequences.count(); sequence++) {
            int start = sequences.offset(sequence);
            int expectedStart = expectedSequences.offset(sequence);
            assertThat(Arrays.copyOfRange(sequences.pool(), start, start + sequences.length(sequence))).isEqualTo(
                    Arrays.copyOfRange(expectedSequences.pool(), expectedStart,
                            expectedStart + expectedSequences.length(sequence)));
        }

        StepEdges edges = StepEdges.of(followed);
        StepEdges expectedEdges = StepEdges.of(built);
        assertThat(edges.edgeCount()).isEqualTo(expectedEdges.edgeCount());
        for (int edge = 0; edge < edges.edgeCount(); edge++) {
            assertThat(new long[] {edges.from(edge), edges.to(edge), edges.count(edge)}).containsExactly(
                    expectedEdges.from(edge), expectedEdges.to(edge), expectedEdges.count(edge));
        }
        for (int position = 0; position < size; position++) {
            assertThat(new int[] {edges.first(position), edges.pathLength(position), edges.purchaseIndex(position),
                    edges.start(position), edges.end(position)}).containsExactly(expectedEdges.first(position),
                    expectedEdges.pathLength(position), expectedEdges.purchaseIndex(position),
                    expectedEdges.start(position), expectedEdges.end(position));
            for (int k = edges.start(position); k < edges.end(position); k++) {
                assertThat(edges.edgeAt(k)).isEqualTo(expectedEdges.edgeAt(k));
                if (journeys.get(position).isTimed()) {
                    assertThat(edges.gapMillis(k, journeys, position))
                            .isEqualTo(expectedEdges.gapMillis(k, journeys, position));
                }
            }
        }

        JourneyTimes times = JourneyTimes.of(followed);
        JourneyTimes expectedTimes = JourneyTimes.of(built);
        assertThat(times.purchases()).isEqualTo(expectedTimes.purchases());
        for (int i = 0; i < times.purchases(); i++) {
            assertThat(times.purchasePosition(i)).isEqualTo(expectedTimes.purchasePosition(i));
            assertThat(times.purchaseMillis(i)).isEqualTo(expectedTimes.purchaseMillis(i));
        }
        for (int position = 0; position < size; position++) {
            if (journeys.get(position).isTimed()) {
                assertThat(times.startSecondMillis(position)).isEqualTo(expectedTimes.startSecondMillis(position));
            }
        }
    }
}
