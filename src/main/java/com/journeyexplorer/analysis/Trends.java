package com.journeyexplorer.analysis;

import com.journeyexplorer.analysis.stats.Interval;
import com.journeyexplorer.analysis.stats.MultipleComparisons;
import com.journeyexplorer.analysis.stats.Proportions;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The selected journeys per calendar period (day, week from Monday, or month, in a time zone), by the time they
 * started: per period the journeys and their purchase, abandonment and diversion rates with Wilson intervals, and a
 * flag where a rate departs from its trailing baseline beyond chance.
 *
 * <p>The baseline of a period is the {@code baselinePeriods} periods before it, pooled (their journeys and outcomes
 * added up). A period is tested once that many periods of data precede it (its baseline starts at or after the first
 * period with a selected journey; with a {@code from} bound the baseline may reach back before it) and both it and its
 * baseline have journeys. Each rate of a tested period is compared with the baseline's by the pooled two-proportion
 * z-test ({@link Proportions#pValue}); each rate's p-values are then adjusted by Holm's method over the tested periods
 * ({@link MultipleComparisons#holm}), and a rate is flagged {@code UP} or {@code DOWN} where its adjusted p-value is
 * at most {@code alpha}. Holm controls the family-wise error under any dependence between the tests (trailing
 * baselines overlap), so on data without a change each rate flags any period at all with probability at most
 * {@code alpha}.
 *
 * <p>Periods run from the period holding {@code from} (or the first selected journey's start) to the one holding
 * {@code to} (exclusive; or the last start); the first and last may be partial when the bounds cut them. Untimed
 * records (aggregated paths) have no start and are counted apart.
 *
 * @param length          day, week or month
 * @param zone            the time zone of the period boundaries
 * @param baselinePeriods how many trailing periods make a baseline
 * @param confidence      of the Wilson intervals
 * @param alpha           the level at which adjusted p-values flag a change
 * @param selected        selected records, weighted: the journeys of the periods and the untimed records
 * @param untimed         selected records without times, weighted; in no period
 * @param tested          how many periods were tested
 * @param periods         in time order, empty periods included
 */
public record Trends(PeriodLength length, ZoneId zone, int baselinePeriods, double confidence, double alpha,
        long selected, long untimed, int tested, List<Period> periods) {

    /** The calendar length of a period. */
    public enum PeriodLength {
        DAY, WEEK, MONTH
    }

    /** A change a rate shows against its baseline. */
    public enum Change {
        UP, DOWN
    }

    /** Asked for more periods than {@code maxPeriods}: narrow the range or lengthen the periods. */
    public static final class TooManyPeriodsException extends RuntimeException {
        private final long periods;
        private final LocalDate first;
        private final LocalDate last;

        TooManyPeriodsException(long periods, LocalDate first, LocalDate last) {
            super("more than " + periods + " periods from " + first + " to " + last);
            this.periods = periods;
            this.first = first;
            this.last = last;
        }

        /** The limit that was exceeded. */
        public long limit() {
            return periods;
        }

        public LocalDate first() {
            return first;
        }

        public LocalDate last() {
            return last;
        }
    }

    public Trends {
        periods = List.copyOf(periods);
    }

    /**
     * One period {@code [start, end)} (local dates in the zone; the first and last may be cut by the bounds).
     *
     * @param flagged    whether any of its rates is flagged
     * @param stillOpen  journeys that started in the period and are still open, in all the data whatever the filters:
     *                   while there are any the period is still settling and is not tested. Its finished journeys lean
     *                   towards the outcomes that end a journey at once (a purchase or an abandon event), while one
     *                   that will end on a competitor's page stays open until the horizon passes, so its rates would
     *                   show changes that the next import takes back
     */
    public record Period(LocalDate start, LocalDate end, long journeys, Rate purchase, Rate abandonment,
            Rate diversion, boolean flagged, long stillOpen) {
    }

    /**
     * One rate of a period: {@code journeys} with the outcome out of the period's, the rate (null without journeys)
     * and its Wilson interval; for a tested period, the baseline's pooled rate, the test's p-value, its Holm-adjusted
     * value and the change flagged (null when none); all four null for a period not tested.
     */
    public record Rate(long journeys, Double rate, Interval interval, Double baselineRate, Double pValue,
            Double adjustedPValue, Change change) {
    }

    /**
     * Two passes: the selected timed journeys' starts and outcomes collected from the per-snapshot record columns
     * and start times (O(records), no journey record read unless a filter needs it), then each put in its period by
     * binary search over the period boundaries (O(journeys · log periods)); the tests cost O(periods · log periods).
     * Memory: O(selected journeys) for the first pass.
     *
     * @param selection       which journeys; its {@code from} and {@code to} bound the periods
     * @param baselinePeriods at least 1
     * @param maxPeriods      the most periods answered
     * @throws TooManyPeriodsException when the range holds more than {@code maxPeriods} periods
     */
    public static Trends of(JourneySnapshot snapshot, JourneySelection selection, PeriodLength length, ZoneId zone,
            int baselinePeriods, double confidence, double alpha, int maxPeriods) {
        if (baselinePeriods < 1 || maxPeriods < 1) {
            throw new IllegalArgumentException("baselinePeriods and maxPeriods must be at least 1");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        Long from = selection.from();
        LocalDate firstStart = from == null ? null : periodStart(from, length, zone);
        Long scanFrom = from == null ? null : millis(minus(firstStart, length, baselinePeriods), zone);
        // Journeys of the first reported period that started before 'from' belong to neither it nor the baseline.
        Scan scan = from == null ? Scan.of(snapshot, selection, 0, 0)
                : Scan.of(snapshot, selection.withPeriod(scanFrom, selection.to()), millis(firstStart, zone), from);
        if (scan.size == 0 && (from == null || selection.to() == null)) {
            return new Trends(length, zone, baselinePeriods, confidence, alpha, scan.selected, scan.untimed, 0,
                    List.of());
        }
        if (firstStart == null) {
            firstStart = periodStart(scan.minStart, length, zone);
        }
        long end = selection.to() != null ? selection.to() : scan.maxStart + 1;
        // The boundaries: the baseline periods before the first reported one (with a from bound), then the reported.
        List<LocalDate> starts = new ArrayList<>();
        int before = from == null ? 0 : baselinePeriods;
        for (int b = before; b > 0; b--) {
            starts.add(minus(firstStart, length, b));
        }
        LocalDate date = firstStart;
        int reported = 0;
        while (millis(date, zone) < end) {
            if (++reported > maxPeriods) {
                // From the first day reported, as the first period's start: 'from' itself, not its week's Monday.
                throw new TooManyPeriodsException(maxPeriods, from == null ? firstStart : instantDate(from, zone),
                        instantDate(end - 1, zone));
            }
            starts.add(date);
            date = plus(date, length);
        }
        starts.add(date);
        long[] boundaries = new long[starts.size()];
        for (int i = 0; i < boundaries.length; i++) {
            boundaries[i] = millis(starts.get(i), zone);
        }
        int bins = boundaries.length - 1;
        long[][] counts = scan.count(boundaries);
        return tested(length, zone, baselinePeriods, confidence, alpha, scan, starts, before, bins, counts,
                stillOpen(snapshot, boundaries), from, selection.to());
    }

    /** The open journeys of the whole snapshot per bin of their start; O(open journeys · log bins). */
    private static long[] stillOpen(JourneySnapshot snapshot, long[] boundaries) {
        int bins = boundaries.length - 1;
        long[] open = new long[bins];
        List<Journey> journeys = snapshot.journeys();
        for (int position : snapshot.openPositions()) {
            Journey journey = journeys.get(position);
            if (!journey.isTimed() || journey.startedAt() < boundaries[0] || journey.startedAt() >= boundaries[bins]) {
                continue;
            }
            int b = Arrays.binarySearch(boundaries, journey.startedAt());
            open[b >= 0 ? b : -b - 2] += journey.weight();
        }
        return open;
    }

    /** Tests the reported periods {@code [before, bins)} against their baselines and assembles the answer. */
    private static Trends tested(PeriodLength length, ZoneId zone, int baselinePeriods, double confidence,
            double alpha, Scan scan, List<LocalDate> starts, int before, int bins, long[][] counts, long[] stillOpen,
            Long from, Long to) {
        long[] journeys = counts[0];
        long[][] outcomes = {counts[1], counts[2], counts[3]};
        int firstWithData = 0;
        while (firstWithData < bins && journeys[firstWithData] == 0) {
            firstWithData++;
        }
        long[] cumulative = new long[bins + 1];
        long[][] cumulativeOutcomes = new long[3][bins + 1];
        for (int b = 0; b < bins; b++) {
            cumulative[b + 1] = cumulative[b] + journeys[b];
            for (int r = 0; r < 3; r++) {
                cumulativeOutcomes[r][b + 1] = cumulativeOutcomes[r][b] + outcomes[r][b];
            }
        }
        List<Integer> testedBins = new ArrayList<>();
        for (int b = before; b < bins; b++) {
            int baselineStart = b - baselinePeriods;
            if (baselineStart >= firstWithData && journeys[b] > 0 && cumulative[b] - cumulative[baselineStart] > 0
                    && stillOpen[b] == 0) {
                testedBins.add(b);
            }
        }
        int m = testedBins.size();
        double[][] pValues = new double[3][m];
        double[][] adjusted = new double[3][];
        for (int r = 0; r < 3; r++) {
            for (int t = 0; t < m; t++) {
                int b = testedBins.get(t);
                int baselineStart = b - baselinePeriods;
                pValues[r][t] = Proportions.pValue(outcomes[r][b], journeys[b],
                        cumulativeOutcomes[r][b] - cumulativeOutcomes[r][baselineStart],
                        cumulative[b] - cumulative[baselineStart]);
            }
            adjusted[r] = MultipleComparisons.holm(pValues[r]);
        }
        List<Period> periods = new ArrayList<>(bins - before);
        int t = 0;
        for (int b = before; b < bins; b++) {
            boolean isTested = t < m && testedBins.get(t) == b;
            Rate[] rates = new Rate[3];
            boolean flagged = false;
            for (int r = 0; r < 3; r++) {
                long count = outcomes[r][b];
                Double rate = journeys[b] == 0 ? null : (double) count / journeys[b];
                Interval interval = Proportions.wilson(count, journeys[b], confidence);
                if (!isTested) {
                    rates[r] = new Rate(count, rate, interval, null, null, null, null);
                    continue;
                }
                int baselineStart = b - baselinePeriods;
                double baselineRate = (double) (cumulativeOutcomes[r][b] - cumulativeOutcomes[r][baselineStart])
                        / (cumulative[b] - cumulative[baselineStart]);
                Change change = null;
                if (adjusted[r][t] <= alpha) {
                    change = rate > baselineRate ? Change.UP : Change.DOWN;
                    flagged = true;
                }
                rates[r] = new Rate(count, rate, interval, baselineRate, pValues[r][t], adjusted[r][t], change);
            }
            if (isTested) {
                t++;
            }
            LocalDate start = starts.get(b);
            LocalDate periodEnd = starts.get(b + 1);
            if (b == before && from != null) {
                start = instantDate(from, zone);
            }
            if (b == bins - 1 && to != null && millis(periodEnd, zone) > to) {
                periodEnd = instantDate(to - 1, zone).plusDays(1);
            }
            periods.add(new Period(start, periodEnd, journeys[b], rates[0], rates[1], rates[2], flagged,
                    stillOpen[b]));
        }
        long selected = scan.untimed;
        for (int b = before; b < bins; b++) {
            selected += journeys[b];
        }
        return new Trends(length, zone, baselinePeriods, confidence, alpha, selected, scan.untimed, m, periods);
    }

    /**
     * The selected timed journeys' starts (rounded down to the second: period boundaries are whole seconds), outcomes
     * and weights, collected in one pass over the per-snapshot record columns and start times.
     */
    private static final class Scan {
        long[] startsAt = new long[1024];
        byte[] outcomes = new byte[1024];
        final UnitWeights weights = new UnitWeights();
        int size;
        long selected;
        long untimed;
        long minStart = Long.MAX_VALUE;
        long maxStart = Long.MIN_VALUE;

        /** The journeys starting in {@code [skipFrom, skipTo)} are left out (none when the two are equal). */
        static Scan of(JourneySnapshot snapshot, JourneySelection selection, long skipFrom, long skipTo) {
            Scan scan = new Scan();
            JourneyColumns columns = JourneyColumns.of(snapshot);
            JourneyTimes times = JourneyTimes.of(snapshot);
            IntPredicate selected = selection.positions(snapshot);
            List<Journey> journeys = snapshot.journeys();
            for (int position = 0; position < journeys.size(); position++) {
                if ((position & 0xFFFF) == 0) {
                    WorkBudget.check();
                }
                if (!selected.test(position)) {
                    continue;
                }
                int weight = columns.weight(position);
                scan.selected += weight;
                if (!columns.isTimed(position)) {
                    scan.untimed += weight;
                    continue;
                }
                long start = times.startSecondMillis(position);
                if (start + 1000 > skipFrom && start < skipTo) {
                    // In or next to the skipped range: its exact start decides (skipTo may fall inside a second).
                    long exact = journeys.get(position).startedAt();
                    if (exact >= skipFrom && exact < skipTo) {
                        continue;
                    }
                }
                scan.add(start, (byte) columns.outcome(position), weight);
            }
            return scan;
        }

        void add(long start, byte outcome, int weight) {
            if (size == startsAt.length) {
                startsAt = Arrays.copyOf(startsAt, size * 2);
                outcomes = Arrays.copyOf(outcomes, size * 2);
            }
            startsAt[size] = start;
            outcomes[size] = outcome;
            weights.set(size, weight, startsAt.length);
            size++;
            minStart = Math.min(minStart, start);
            maxStart = Math.max(maxStart, start);
        }

        /** Journeys, purchases, abandonments and diversions per bin {@code [boundaries[b], boundaries[b + 1])}. */
        long[][] count(long[] boundaries) {
            int bins = boundaries.length - 1;
            long[][] counts = new long[4][bins];
            int purchase = Outcome.PURCHASE.ordinal();
            int abandoned = Outcome.ABANDONED.ordinal();
            int diverted = Outcome.DIVERTED.ordinal();
            long firstBoundary = boundaries[0];
            long lastBoundary = boundaries[bins];
            long[] weightOf = weights.orNull();
            for (int i = 0; i < size; i++) {
                long start = startsAt[i];
                if (start < firstBoundary || start >= lastBoundary) {
                    continue;
                }
                int b = Arrays.binarySearch(boundaries, start);
                b = b >= 0 ? b : -b - 2;
                long weight = weightOf == null ? 1 : weightOf[i];
                counts[0][b] += weight;
                int outcome = outcomes[i];
                if (outcome == purchase) {
                    counts[1][b] += weight;
                } else if (outcome == abandoned) {
                    counts[2][b] += weight;
                } else if (outcome == diverted) {
                    counts[3][b] += weight;
                }
            }
            return counts;
        }
    }

    /** The local date starting the period that holds {@code instant}. */
    static LocalDate periodStart(long instant, PeriodLength length, ZoneId zone) {
        LocalDate date = instantDate(instant, zone);
        return switch (length) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    private static LocalDate instantDate(long instant, ZoneId zone) {
        return Instant.ofEpochMilli(instant).atZone(zone).toLocalDate();
    }

    private static LocalDate plus(LocalDate date, PeriodLength length) {
        return switch (length) {
            case DAY -> date.plusDays(1);
            case WEEK -> date.plusWeeks(1);
            case MONTH -> date.plusMonths(1);
        };
    }

    private static LocalDate minus(LocalDate date, PeriodLength length, int periods) {
        return switch (length) {
            case DAY -> date.minusDays(periods);
            case WEEK -> date.minusWeeks(periods);
            case MONTH -> date.minusMonths(periods);
        };
    }

    /** The first instant of {@code date} in {@code zone} (its start of day, which a gap may move). */
    private static long millis(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
