package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * How long the selected journeys take to convert: exact percentiles and a histogram of the durations, overall and per
 * segment. A journey <em>starts</em> at its first event, or with a {@code from} touchpoint at its first visit to it
 * (journeys that never visit it do not start and are counted apart, {@code notStarted}). It <em>converts</em> at its
 * first purchase event at or after the start, or with a {@code to} touchpoint at its first visit to it after the start
 * (at or after the first event when there is no {@code from}); a started journey that does not get there is
 * {@code notConverted}. The duration is the time between the two events. Untimed records (aggregated paths) have no
 * durations and are counted apart ({@code untimed}).
 *
 * <p>Percentiles are weighted nearest-rank, as {@link DurationStats}: the p-th percentile is the smallest duration whose
 * cumulative weight reaches {@code ceil(p · converted)}, read off the sorted durations (by selection when records
 * carry weights), so they are exact. The histogram's bins
 * are log-spaced, two per decade: the edges are {@code 10^(k/2)} seconds for k = 0..14 (1 s, 3.16 s, 10 s, 31.6 s,
 * 100 s, ... 10^7 s, about 116 days), rounded to the millisecond ({@link #edgeMillis()}); bin 0 holds durations under
 * 1 s, bin k durations in [edge k-1, edge k), the last bin those of 10^7 s or more.
 *
 * @param from               the start touchpoint, null for the journey's first event
 * @param to                 the end touchpoint, null for the purchase
 * @param selected           selected journeys, weighted
 * @param untimed            selected records without times (aggregated paths), weighted; not analysed
 * @param notStarted         selected timed journeys that never visit {@code from}; 0 without {@code from}
 * @param all                the started journeys
 * @param segments           the same per segment, most started journeys first (ties by name), at most the limit
 * @param segmentsTruncated  whether more segments than the limit have started journeys
 */
public record TimeToConvert(String from, String to, long selected, long untimed, long notStarted, Conversions all,
        List<Conversions> segments, boolean segmentsTruncated) {

    /** The histogram's inner edges in milliseconds: {@code round(1000 · 10^(k/2))} for k = 0..14. */
    private static final long[] EDGE_MILLIS = edges();

    /** The percentiles reported, in per cent. */
    private static final int[] PERCENTILES = {50, 75, 90, 95, 99};

    public TimeToConvert {
        segments = List.copyOf(segments);
    }

    /**
     * The durations of one group of started journeys.
     *
     * @param segment        the segment, null for all journeys (and for the journeys without a segment)
     * @param started        journeys that started, weighted
     * @param converted      of them, those that converted
     * @param notConverted   of them, those that did not
     * @param conversionRate {@code converted / started}, null when none started
     * @param meanSeconds    the mean duration, null without conversions
     * @param percentiles    the durations' p50, p75, p90, p95, p99 in seconds, null without conversions
     * @param histogram      every bin, in order, with its converted journeys
     */
    public record Conversions(String segment, long started, long converted, long notConverted, Double conversionRate,
            Double meanSeconds, Percentiles percentiles, List<Bin> histogram) {
        public Conversions {
            histogram = List.copyOf(histogram);
        }
    }

    /** Duration percentiles in seconds (nearest rank). */
    public record Percentiles(double p50, double p75, double p90, double p95, double p99) {
    }

    /** One histogram bin: durations in {@code [fromSeconds, toSeconds)}; {@code toSeconds} null for the last bin. */
    public record Bin(double fromSeconds, Double toSeconds, long journeys) {
    }

    /**
     * One pass over the selected records, then the converted journeys' durations sorted (or, when weighted, one
     * selection per percentile), overall and per segment. O(events looked at + converted · log converted) time,
     * O(converted) memory.
     * Without {@code from} and {@code to} no journey record is read: the pass reads the per-snapshot record columns,
     * and the durations come from the per-snapshot first-touch-to-purchase times ({@code JourneyTimes}).
     *
     * @param from          start touchpoint name known to the snapshot, or null
     * @param to            end touchpoint name known to the snapshot, or null
     * @param maxSegments   how many segments to list at most, at least 0
     */
    public static TimeToConvert of(JourneySnapshot snapshot, JourneySelection selection, String from, String to,
            int maxSegments) {
        if (maxSegments < 0) {
            throw new IllegalArgumentException("maxSegments must be at least 0");
        }
        int fromId = id(snapshot, from);
        int toId = id(snapshot, to);
        JourneyColumns columns = JourneyColumns.of(snapshot);
        IntPredicate selected = selection.positions(snapshot);
        List<Journey> journeys = snapshot.journeys();
        int segmentCount = columns.segmentCount();
        long[] started = new long[segmentCount];
        Collected collected = new Collected(segmentCount);
        long selectedWeight = 0;
        long untimed = 0;
        long notStarted = 0;
        boolean firstTouchToPurchase = fromId < 0 && toId < 0;
        for (int position = 0; position < journeys.size(); position++) {
            if ((position & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            if (!selected.test(position)) {
                continue;
            }
            int weight = columns.weight(position);
            selectedWeight += weight;
            if (!columns.isTimed(position)) {
                untimed += weight;
                continue;
            }
            int segment = columns.segment(position);
            if (firstTouchToPurchase) {
                // Every timed journey starts; the purchasing ones are read from the per-snapshot times below.
                started[segment] += weight;
                continue;
            }
            Journey journey = journeys.get(position);
            int start = fromId < 0 ? 0 : firstVisit(journey.steps(), fromId, 0);
            if (start < 0) {
                notStarted += weight;
                continue;
            }
            started[segment] += weight;
            long duration = duration(journey, start, fromId >= 0, toId);
            if (duration >= 0) {
                collected.add(duration, segment, weight);
            }
        }
        if (firstTouchToPurchase) {
            JourneyTimes times = JourneyTimes.of(snapshot);
            for (int i = 0; i < times.purchases(); i++) {
                int position = times.purchasePosition(i);
                if (selected.test(position)) {
                    collected.add(times.purchaseMillis(i), columns.segment(position), columns.weight(position));
                }
            }
        }
        long[] millis = collected.millis;
        long[] weights = collected.weights.orNull();
        int[] segmentOf = collected.segmentOf;
        int size = collected.size;
        long[] converted = collected.converted;
        long[][] histogram = collected.histogram;
        // Per segment: the durations grouped by segment (a counting sort), each group's percentiles by selection.
        int[] offsets = new int[segmentCount + 1];
        for (int i = 0; i < size; i++) {
            offsets[segmentOf[i] + 1]++;
        }
        for (int s = 0; s < segmentCount; s++) {
            offsets[s + 1] += offsets[s];
        }
        long[] grouped = new long[size];
        long[] groupedWeights = weights == null ? null : new long[size];
        int[] next = Arrays.copyOf(offsets, segmentCount);
        for (int i = 0; i < size; i++) {
            int at = next[segmentOf[i]]++;
            grouped[at] = millis[i];
            if (weights != null) {
                groupedWeights[at] = weights[i];
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < segmentCount; s++) {
            if (started[s] > 0) {
                order.add(s);
            }
        }
        String[] names = columns.segmentNames();
        order.sort((a, b) -> started[a] != started[b] ? Long.compare(started[b], started[a])
                : names[a].compareTo(names[b]));
        List<Conversions> segments = new ArrayList<>();
        for (int s : order.subList(0, Math.min(maxSegments, order.size()))) {
            segments.add(conversions(names[s].isEmpty() ? null : names[s], started[s], converted[s], histogram[s],
                    grouped, groupedWeights, offsets[s], offsets[s + 1]));
        }
        long allStarted = Arrays.stream(started).sum();
        long allConverted = Arrays.stream(converted).sum();
        long[] allHistogram = new long[EDGE_MILLIS.length + 1];
        for (long[] counts : histogram) {
            for (int b = 0; b < counts.length; b++) {
                allHistogram[b] += counts[b];
            }
        }
        Conversions all = conversions(null, allStarted, allConverted, allHistogram, millis, weights, 0, size);
        return new TimeToConvert(from, to, selectedWeight, untimed, notStarted, all, segments,
                order.size() > maxSegments);
    }

    /** The converted journeys' durations, segments and weights (no weight array while every weight is 1). */
    private static final class Collected {
        long[] millis = new long[1024];
        final UnitWeights weights = new UnitWeights();
        int[] segmentOf = new int[1024];
        int size;
        final long[] converted;
        final long[][] histogram;

        Collected(int segments) {
            converted = new long[segments];
            histogram = new long[segments][EDGE_MILLIS.length + 1];
        }

        void add(long duration, int segment, int weight) {
            converted[segment] += weight;
            histogram[segment][bin(duration)] += weight;
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, size * 2);
                segmentOf = Arrays.copyOf(segmentOf, size * 2);
            }
            millis[size] = duration;
            segmentOf[size] = segment;
            weights.set(size, weight, millis.length);
            size++;
        }
    }

    /**
     * The duration in milliseconds from the visit at {@code start} to the end event, or -1 when the journey does not
     * get there: the first visit of {@code toId} after {@code start} (at or after it when the start is the first
     * event rather than a visit of {@code from}), or without {@code to} the first purchase at or after it.
     */
    private static long duration(Journey journey, int start, boolean fromVisit, int toId) {
        int end;
        if (toId < 0) {
            end = journey.purchaseIndex() >= start ? journey.purchaseIndex() : purchaseFrom(journey, start);
        } else {
            end = firstVisit(journey.steps(), toId, fromVisit ? start + 1 : start);
        }
        return end < 0 ? -1 : journey.time(end) - journey.time(start);
    }

    /** The first purchase event at or after {@code from}, or -1: a later purchase than the journey's first. */
    private static int purchaseFrom(Journey journey, int from) {
        byte purchase = EventType.PURCHASE.code();
        byte[] types = journey.types();
        for (int i = from; i < types.length; i++) {
            if (types[i] == purchase) {
                return i;
            }
        }
        return -1;
    }

    private static int firstVisit(int[] steps, int touchpoint, int from) {
        for (int i = from; i < steps.length; i++) {
            if (steps[i] == touchpoint) {
                return i;
            }
        }
        return -1;
    }

    /** The bin of a duration: the number of edges at or below it (binary search over 15 edges). */
    static int bin(long millis) {
        int low = 0;
        int high = EDGE_MILLIS.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (EDGE_MILLIS[middle] <= millis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static Conversions conversions(String segment, long started, long converted, long[] histogram,
            long[] millis, long[] weights, int from, int to) {
        List<Bin> bins = new ArrayList<>(histogram.length);
        for (int b = 0; b < histogram.length; b++) {
            double lower = b == 0 ? 0 : EDGE_MILLIS[b - 1] / 1000.0;
            Double upper = b < EDGE_MILLIS.length ? EDGE_MILLIS[b] / 1000.0 : null;
            bins.add(new Bin(lower, upper, histogram[b]));
        }
        Double rate = started == 0 ? null : (double) converted / started;
        if (converted == 0) {
            return new Conversions(segment, started, converted, started - converted, rate, null, null, bins);
        }
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += millis[i] * (weights == null ? 1 : weights[i]);
        }
        double[] seconds = new double[PERCENTILES.length];
        if (weights == null) {
            // One sort of the range, then each rank read off: cheaper than five selections over the same values.
            Arrays.sort(millis, from, to);
        }
        for (int p = 0; p < PERCENTILES.length; p++) {
            long rank = Math.max(1, (converted * PERCENTILES[p] + 99) / 100);
            seconds[p] = (weights == null ? millis[from + (int) rank - 1]
                    : Durations.select(millis, weights, from, to, rank)) / 1000.0;
        }
        return new Conversions(segment, started, converted, started - converted, rate,
                (double) sum / converted / 1000.0,
                new Percentiles(seconds[0], seconds[1], seconds[2], seconds[3], seconds[4]), bins);
    }

    private static int id(JourneySnapshot snapshot, String name) {
        if (name == null) {
            return -1;
        }
        return snapshot.touchpoint(name).map(Touchpoint::id)
                .orElseThrow(() -> new IllegalArgumentException("unknown touchpoint " + name));
    }

    /** The histogram's inner edges in milliseconds, ascending: {@code round(1000 · 10^(k/2))} for k = 0..14. */
    public static long[] edgeMillis() {
        return EDGE_MILLIS.clone();
    }

    private static long[] edges() {
        long[] edges = new long[15];
        for (int k = 0; k < edges.length; k++) {
            edges[k] = Math.round(1000 * Math.pow(10, k / 2.0));
        }
        return edges;
    }
}
