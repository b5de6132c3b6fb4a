package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class JourneySnapshotTests {

    private static final List<Touchpoint> TOUCHPOINTS = List.of(new Touchpoint(0, "A", "", "", Owner.OWN));

    @Test
    void findsEveryJourneyByIdAndNoOther() {
        List<Journey> journeys = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            journeys.add(journey("j" + i, 1));
        }
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, journeys, 1);

        for (int i = 0; i < 1000; i++) {
            assertThat(snapshot.journey("j" + i)).containsSame(journeys.get(i));
        }
        assertThat(snapshot.journey("j1000")).isEmpty();
        assertThat(snapshot.journey("")).isEmpty();
        assertThat(JourneySnapshot.empty().journey("j0")).isEmpty();
    }

    @Test
    void tellsApartIdsWithTheSameHash() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, List.of(journey("Aa", 1), journey("BB", 2)), 1);

        assertThat(snapshot.journey("Aa")).map(Journey::weight).contains(1);
        assertThat(snapshot.journey("BB")).map(Journey::weight).contains(2);
        assertThat(snapshot.journey("C#")).isEmpty();
    }

    @Test
    void theLastOfRepeatedIdsWins() {
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, List.of(journey("a", 1), journey("a", 2)), 1);

        assertThat(snapshot.journey("a")).map(Journey::weight).contains(2);
    }

    @Test
    void changesMatchAnOrderedMapOfJourneys() {
        Random random = new Random(7);
        Map<String, Journey> model = new LinkedHashMap<>();
        JourneySnapshot snapshot = JourneySnapshot.empty();
        for (int round = 0; round < 200; round++) {
            List<Journey> upserts = new ArrayList<>();
            List<String> removals = new ArrayList<>();
            for (int i = random.nextInt(20); i > 0; i--) {
                upserts.add(journey(id(random), 1 + random.nextInt(9)));
            }
            if (random.nextInt(3) == 0) {
                for (int i = 1 + random.nextInt(10); i > 0; i--) {
                    removals.add(id(random));
                }
            }
            model.keySet().removeAll(removals);
            for (Journey journey : upserts) {
                model.put(journey.id(), journey);
            }
            snapshot = snapshot.withChanges(TOUCHPOINTS, upserts, removals);

            assertThat(snapshot.journeys()).containsExactlyElementsOf(model.values());
            for (int i = 0; i < 300; i++) {
                String id = "j" + i;
                assertThat(snapshot.journey(id)).isEqualTo(Optional.ofNullable(model.get(id)));
            }
            assertThat(snapshot.journeyCount()).isEqualTo(model.values().stream().mapToLong(Journey::weight).sum());
        }
        assertThat(snapshot.version()).isEqualTo(200);
    }

    private static String id(Random random) {
        return "j" + random.nextInt(300);
    }

    /** A key whose hash code is shared by every other, so that all keys meet in one bin of a hash map. */
    private record CollidingKey(int number) {
        @Override
        public int hashCode() {
            return 42;
        }
    }

    @Test
    void memoizedValuesMayUseOtherKeysOnThisThreadAndOnOthers() throws Exception {
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, List.of(journey("j0", 1)), 1);
        AtomicInteger computed = new AtomicInteger();
        String outer = snapshot.memo(new CollidingKey(0), String.class, () -> {
            computed.incrementAndGet();
            String here = snapshot.memo(new CollidingKey(1), String.class, () -> "same thread");
            try {
                // another thread asks for keys of the same bin while this computation runs
                String there = ForkJoinPool.commonPool().submit(() -> snapshot.memo(new CollidingKey(2),
                        String.class, () -> "other thread") + snapshot.memo(new CollidingKey(1), String.class,
                        () -> "not computed again")).get(30, TimeUnit.SECONDS);
                return here + ", " + there;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(outer).isEqualTo("same thread, other threadsame thread");
        assertThat(snapshot.memo(new CollidingKey(0), String.class, () -> "again")).isEqualTo(outer);
        assertThat(computed).hasValue(1);
    }

    @Test
    void aFailedComputationIsNotKept() {
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, List.of(journey("j0", 1)), 1);
        Object key = new Object();
        assertThatThrownBy(() -> snapshot.memo(key, String.class, () -> {
            throw new WorkBudgetExceededException("out of time", "limit", false);
        })).isInstanceOf(WorkBudgetExceededException.class);
        assertThat(snapshot.memo(key, String.class, () -> "computed")).isEqualTo("computed");
    }

    private static Journey journey(String id, int weight) {
        return new Journey(id, null, new int[] {0}, new long[0], new byte[] {EventType.TOUCHPOINT.code()}, null,
                Outcome.ABANDONED, -1, 0.0, weight, null, null, null);
    }
}
