package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.TimeToConvert.Bin;
import com.journeyexplorer.analysis.TimeToConvert.Conversions;
import com.journeyexplorer.analysis.TimeToConvert.Percentiles;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

class TimeToConvertTests {

    /** The histogram's inner edges written out: 10^(k/2) seconds in milliseconds, rounded. */
    private static final long[] EDGES = {1_000L, 3_162L, 10_000L, 31_623L, 100_000L, 316_228L, 1_000_000L,
        3_162_278L, 10_000_000L, 31_622_777L, 100_000_000L, 316_227_766L, 1_000_000_000L, 3_162_277_660L,
        10_000_000_000L};

    @Test
    void fromFirstTouchToPurchaseByHand() {
        JourneySnapshot snapshot = new JourneyFixture().journeys(
                "A@0>B@10>buy!@100", // 100 s
                "A@0>buy!@5", // 5 s
                "A@0>B@3600>buy!@7200>C@9000", // 2 h, the steps after the purchase do not count
                "A@0>B@60", // not converted
                "A@0>buy!@0") // 0 s
                .snapshot();

        TimeToConvert answer = TimeToConvert.of(snapshot, JourneySelection.all(), null, null, 10);

        Conversions all = answer.all();
        assertThat(all.started()).isEqualTo(5);
        assertThat(all.converted()).isEqualTo(4);
        assertThat(all.notConverted()).isEqualTo(1);
        assertThat(all.conversionRate()).isEqualTo(0.8);
        assertThat(all.meanSeconds()).isEqualTo((100 + 5 + 7200 + 0) / 4.0);
        // sorted 0, 5, 100, 7200: nearest ranks ceil(0.5·4) = 2, ceil(0.75·4) = 3, then 4
        assertThat(all.percentiles()).isEqualTo(new Percentiles(5, 100, 7200, 7200, 7200));
        assertThat(all.histogram()).hasSize(16);
        assertThat(all.histogram().get(0)).isEqualTo(new Bin(0, 1.0, 1)); // 0 s
        assertThat(all.histogram().get(2)).isEqualTo(new Bin(3.162, 10.0, 1)); // 5 s
        assertThat(all.histogram().get(4)).isEqualTo(new Bin(31.623, 100.0, 0));
        assertThat(all.histogram().get(5)).isEqualTo(new Bin(100.0, 316.228, 1)); // 100 s: the edge opens a bin
        assertThat(all.histogram().get(7)).isEqualTo(new Bin(1000.0, 3162.278, 0));
        assertThat(all.histogram().get(8)).isEqualTo(new Bin(3162.278, 10_000.0, 1)); // 7200 s
        assertThat(all.histogram().get(15)).isEqualTo(new Bin(10_000_000.0, null, 0));
        assertThat(answer.notStarted()).isZero();
    }

    @Test
    void betweenTwoTouchpointsFromTheFirstVisitToTheNextVisitAfterIt() {
        JourneySnapshot snapshot = new JourneyFixture().journeys(
                "X@0>Cart@100>Cart@200>Pay@400", // 300 s from the first Cart
                "Cart@0>Pay@50>Cart@60>Pay@70", // 50 s: the first visit, then the next Pay
                "Pay@0>Cart@10", // Cart but no Pay after it: not converted
                "X@0>Pay@10") // never at Cart: not started
                .snapshot();

        TimeToConvert cartToPay = TimeToConvert.of(snapshot, JourneySelection.all(), "Cart", "Pay", 10);
        TimeToConvert cartToCart = TimeToConvert.of(snapshot, JourneySelection.all(), "Cart", "Cart", 10);
        TimeToConvert firstTouchToPay = TimeToConvert.of(snapshot, JourneySelection.all(), null, "Pay", 10);

        assertThat(cartToPay.notStarted()).isEqualTo(1);
        assertThat(cartToPay.all().started()).isEqualTo(3);
        assertThat(cartToPay.all().converted()).isEqualTo(2);
        assertThat(cartToPay.all().notConverted()).isEqualTo(1);
        assertThat(cartToPay.all().percentiles().p50()).isEqualTo(50);
        assertThat(cartToPay.all().percentiles().p99()).isEqualTo(300);
        // the next visit of the same touchpoint, never the start visit itself
        assertThat(cartToCart.all().converted()).isEqualTo(2);
        assertThat(cartToCart.all().percentiles().p99()).isEqualTo(100);
        // without a start touchpoint, from the first event on: a journey starting at Pay takes 0 s
        assertThat(firstTouchToPay.all().started()).isEqualTo(4);
        assertThat(firstTouchToPay.all().converted()).isEqualTo(4);
        assertThat(firstTouchToPay.all().percentiles().p50()).isEqualTo(10); // of 0, 10, 50, 400
        assertThat(firstTouchToPay.all().percentiles().p99()).isEqualTo(400);
    }

    @Test
    void aLaterPurchaseConvertsAJourneyStartedAfterItsFirst() {
        JourneySnapshot snapshot = new JourneyFixture().journeys("A@0>buy!@10>B@100>buy!@130", "B@0>A@5").snapshot();

        TimeToConvert fromB = TimeToConvert.of(snapshot, JourneySelection.all(), "B", null, 10);

        assertThat(fromB.all().started()).isEqualTo(2);
        assertThat(fromB.all().converted()).isEqualTo(1);
        assertThat(fromB.all().percentiles().p50()).isEqualTo(30);
    }

    @Test
    void untimedRecordsAreCountedApartAndNothingConvertedHasNoPercentiles() {
        JourneySnapshot snapshot = new JourneyFixture().aggregated("A>buy!", 7).journeys("A@0>B@10").snapshot();

        TimeToConvert answer = TimeToConvert.of(snapshot, JourneySelection.all(), null, null, 10);

        assertThat(answer.selected()).isEqualTo(8);
        assertThat(answer.untimed()).isEqualTo(7);
        assertThat(answer.all().started()).isEqualTo(1);
        assertThat(answer.all().converted()).isZero();
        assertThat(answer.all().percentiles()).isNull();
        assertThat(answer.all().meanSeconds()).isNull();
        assertThat(answer.all().histogram()).allMatch(bin -> bin.journeys() == 0);
    }

    @Test
    void percentilesAndHistogramsMatchALiteralComputationOnSeededData() {
        for (long seed = 1; seed <= 3; seed++) {
            JourneySnapshot varied = JourneyFixture.varied(seed, 3_000);
            assertLiteral(varied, JourneySelection.all(), null, null);
            assertLiteral(varied, JourneySelection.all(), "A", "C");
            assertLiteral(varied, JourneySelection.all(), "B", null);
            assertLiteral(varied, JourneySelection.all(), null, "D");
            assertLiteral(varied, JourneySelection.all().withSegment("s2"), "A", null);
        }
        JourneySnapshot demo = JourneyFixture.demo(7, 4_000);
        assertLiteral(demo, JourneySelection.all(), null, null);
        assertLiteral(demo, JourneySelection.all(), "Cart", "Order confirmation");
        assertLiteral(demo, JourneySelection.all(), "Product page", "Product page");
    }

    /** The answer against durations computed step by step, sorted, and read at the nearest rank. */
    @Test
    void convertsDataWhoseStartsSpanMoreThanAnIntOfSeconds() {
        long year1900 = -2_208_988_800_000L; // 1900-01-01T00:00:00Z, a stray default date
        long year2026 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
        List<Touchpoint> touchpoints = List.of(new Touchpoint(0, "A", "", "", Owner.OWN),
                new Touchpoint(1, "buy", "", "purchase", Owner.OWN));
        byte[] types = {EventType.TOUCHPOINT.code(), EventType.PURCHASE.code()};
        List<Journey> journeys = List.of(
                new Journey("old", null, new int[] {0, 1}, new long[] {year1900, year1900 + 60_000}, types, null,
                        Outcome.PURCHASE, 1, 0, 1, "", "", Map.of()),
                new Journey("new", null, new int[] {0, 1}, new long[] {year2026, year2026 + 600_000}, types, null,
                        Outcome.PURCHASE, 1, 0, 1, "", "", Map.of()));

        TimeToConvert answer = TimeToConvert.of(new JourneySnapshot(touchpoints, journeys, 1), JourneySelection.all(),
                null, null, 10);

        assertThat(answer.all().converted()).isEqualTo(2);
        assertThat(answer.all().percentiles()).isEqualTo(new Percentiles(60, 600, 600, 600, 600));
    }

    private static void assertLiteral(JourneySnapshot snapshot, JourneySelection selection, String from, String to) {
        TimeToConvert answer = TimeToConvert.of(snapshot, selection, from, to, 100);
        Map<String, List<Long>> durations = new TreeMap<>();
        Map<String, long[]> startedAndConverted = new TreeMap<>();
        long untimed = 0;
        long notStarted = 0;
        for (Journey journey : selection.select(snapshot)) {
            if (!journey.isTimed()) {
                untimed += journey.weight();
                continue;
            }
            int start = 0;
            if (from != null) {
                start = -1;
                for (int i = 0; i < journey.length() && start < 0; i++) {
                    if (snapshot.touchpoint(journey.steps()[i]).name().equals(from)) {
                        start = i;
                    }
                }
                if (start < 0) {
                    notStarted += journey.weight();
                    continue;
                }
            }
            int end = -1;
            for (int i = start; i < journey.length() && end < 0; i++) {
                boolean reached = to == null ? journey.type(i) == com.journeyexplorer.journey.EventType.PURCHASE
                        : snapshot.touchpoint(journey.steps()[i]).name().equals(to) && (from == null || i > start);
                if (reached) {
                    end = i;
                }
            }
            String segment = journey.segment();
            long[] counts = startedAndConverted.computeIfAbsent(segment, s -> new long[2]);
            counts[0] += journey.weight();
            if (end >= 0) {
                counts[1] += journey.weight();
                for (int copy = 0; copy < journey.weight(); copy++) {
                    durations.computeIfAbsent(segment, s -> new ArrayList<>())
                            .add(journey.times()[end] - journey.times()[start]);
                }
            }
        }
        String what = from + " -> " + to + " " + selection;
        assertThat(answer.untimed()).as(what).isEqualTo(untimed);
        assertThat(answer.notStarted()).as(what).isEqualTo(notStarted);
        List<Long> all = new ArrayList<>();
        durations.values().forEach(all::addAll);
        long allStarted = startedAndConverted.values().stream().mapToLong(c -> c[0]).sum();
        assertGroup(answer.all(), allStarted, all, what);
        assertThat(answer.segments()).as(what).hasSize(startedAndConverted.size());
        for (Conversions segment : answer.segments()) {
            String name = segment.segment() == null ? "" : segment.segment();
            assertGroup(segment, startedAndConverted.get(name)[0], durations.getOrDefault(name, List.of()),
                    what + " " + name);
        }
    }

    private static void assertGroup(Conversions group, long started, List<Long> durations, String what) {
        List<Long> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        int n = sorted.size();
        assertThat(group.started()).as(what).isEqualTo(started);
        assertThat(group.converted()).as(what).isEqualTo(n);
        assertThat(group.notConverted()).as(what).isEqualTo(started - n);
        assertThat(n).as(what + ": the check needs conversions").isPositive();
        double[] expected = new double[5];
        int[] percents = {50, 75, 90, 95, 99};
        for (int p = 0; p < 5; p++) {
            int rank = (int) Math.max(1, Math.ceil(percents[p] / 100.0 * n));
            expected[p] = sorted.get(rank - 1) / 1000.0;
        }
        Percentiles percentiles = group.percentiles();
        assertThat(new double[] {percentiles.p50(), percentiles.p75(), percentiles.p90(), percentiles.p95(),
            percentiles.p99()}).as(what).containsExactly(expected);
        assertThat(group.meanSeconds()).as(what)
                .isCloseTo(sorted.stream().mapToLong(Long::longValue).average().orElseThrow() / 1000.0, within(1e-9));
        long[] bins = new long[EDGES.length + 1];
        for (long duration : sorted) {
            int bin = 0;
            while (bin < EDGES.length && EDGES[bin] <= duration) {
                bin++;
            }
            bins[bin]++;
        }
        assertThat(group.histogram()).extracting(Bin::journeys).as(what).containsExactly(
                java.util.Arrays.stream(bins).boxed().toArray(Long[]::new));
    }
}
