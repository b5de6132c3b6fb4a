package com.journeyexplorer.analysis.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.journeyexplorer.analysis.FrustrationEvents;
import com.journeyexplorer.analysis.StepEdges;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * Shares proportional to {@code 2^(-(tConversion - tStep) / halfLife)}: a step one half-life before the conversion
 * counts half as much as the converting step. For a timed path, times are in days ({@code halfLifeDays}). An untimed
 * path (aggregated data) uses the step distance from the end as its clock: the last step is at distance 0, the one
 * before at 1, and so on, and the half-life is then read as a number of steps. (ChannelAttribution's
 * {@code heuristic_models} has no time-decay model.)
 */
public final class TimeDecay extends HeuristicModel {

    public static final String NAME = "time_decay";
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final double halfLifeDays;

    /** @param halfLifeDays the half-life, in days for timed paths and in steps for untimed ones; {@code > 0} */
    public TimeDecay(double halfLifeDays) {
        if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
            throw new IllegalArgumentException("halfLifeDays must be positive and finite, was " + halfLifeDays);
        }
        this.halfLifeDays = halfLifeDays;
    }

    public double halfLifeDays() {
        return halfLifeDays;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The paths' credits: the same exact sums as {@link #accumulator}, so the same answer to the last bit. */
    @Override
    public Attribution attribute(List<AttributionPath> paths) {
        Map<String, ExactSum[]> sums = new TreeMap<>();
        long conversions = 0;
        ExactSum totalValue = new ExactSum();
        double[] shares = new double[16];
        for (AttributionPath path : paths) {
            if (!path.converted()) {
                continue;
            }
            conversions += path.weight();
            totalValue.add(path.conversionValue());
            shares = shares(path.stepTimes(), path.conversionTime(), path.length(), shares);
            for (int i = 0; i < path.length(); i++) {
                ExactSum[] sum = sums.computeIfAbsent(path.steps()[i], label -> newSums());
                sum[0].add(path.weight() * shares[i]);
                sum[1].add(path.conversionValue() * shares[i]);
            }
        }
        List<Attribution.Credit> credits = new ArrayList<>(sums.size());
        sums.forEach((label, sum) -> credits.add(new Attribution.Credit(label, sum[0].value(), sum[1].value())));
        return new Attribution(NAME, credits, conversions, totalValue.value());
    }

    /**
     * Adds each converting journey's shares straight from its touchpoint and time arrays into exact sums per label
     * ({@link ExactSum}): no path object, no sort, and the result is bitwise the same for the journeys in any order.
     * O(steps of the converting journeys + labels log labels).
     */
    @Override
    public AttributionAccumulator accumulator(TouchpointLabels labels) {
        return new Accumulator(labels);
    }

    /** Exact sums per label id of the converting journeys added; merges another's exactly. */
    private final class Accumulator implements AttributionAccumulator.Merging {
        private final TouchpointLabels labels;
        private final int[] labelOf;
        private final ExactSum[][] sums;
        private final ExactSum totalValue = new ExactSum();
        private long conversions;
        private double[] shares = new double[16];
        /** The steps of the record added by position last, read from its step column. */
        private int[] recordSteps = new int[16];
        /** The touches of the converting record with frustration events added by position last. */
        private final ColumnTouches touches = new ColumnTouches();

        Accumulator(TouchpointLabels labels) {
            this.labels = labels;
            this.labelOf = labels.labelOfEachTouchpoint();
            this.sums = new ExactSum[labels.count()][];
        }

        /** A converting journey's touches: its path's steps but its frustration signals ({@link Touches}). */
        @Override
        public void add(Journey journey) {
            if (journey.outcome() == Outcome.PURCHASE) {
                int[] touches = Touches.of(journey, Math.max(1, journey.purchaseIndex()));
                if (touches == null) {
                    add(journey, journey.steps(), null, Math.max(1, journey.purchaseIndex()));
                } else {
                    add(journey, Touches.steps(journey, touches), touches, touches.length);
                }
            }
        }

        /** As {@link #add(Journey)} for a record without frustration signals on its path. */
        @Override
        public void add(Journey journey, StepEdges edges, int position) {
            if (journey.outcome() == Outcome.PURCHASE) {
                int length = Math.max(1, journey.purchaseIndex());
                recordSteps = edges.steps(position, length, recordSteps);
                add(journey, recordSteps, null, length);
            }
        }

        /** As {@link #add(Journey)}; a converting record's touches read from {@code edges} ({@link ColumnTouches}). */
        @Override
        public void add(Journey journey, StepEdges edges, int position, FrustrationEvents.Records frustrated) {
            if (!frustrated.has(position)) {
                add(journey, edges, position);
            } else if (journey.outcome() == Outcome.PURCHASE) {
                int length = touches.read(edges, position, Math.max(1, journey.purchaseIndex()), frustrated);
                add(journey, touches.steps(), touches.indexes(), length);
            }
        }

        /**
         * A converting journey: {@code steps} the touchpoint ids of its {@code length} touches, which are its steps
         * at {@code touches} (its first {@code length} steps for null).
         */
        private void add(Journey journey, int[] steps, int[] touches, int length) {
            // As AttributionPath.of: the steps before the purchase (the purchase step alone if it came first).
            double value = Math.max(0, journey.value());
            shares = grown(shares, length);
            boolean timed = journey.isTimed();
            long conversionTime = timed ? journey.time(journey.purchaseIndex()) : 0;
            for (int i = 0; i < length; i++) {
                shares[i] = timed ? Math.max(0, conversionTime - journey.time(touches == null ? i : touches[i]))
                        / MILLIS_PER_DAY : length - 1 - i;
            }
            normalizeAges(shares, length);
            conversions += journey.weight();
            totalValue.add(value);
            for (int i = 0; i < length; i++) {
                ExactSum[] sum = sumsOf(labelOf[steps[i]]);
                sum[0].add(journey.weight() * shares[i]);
                sum[1].add(value * shares[i]);
            }
        }

        @Override
        public void addAll(Merging later) {
            Accumulator other = (Accumulator) later;
            conversions += other.conversions;
            totalValue.addAll(other.totalValue);
            for (int label = 0; label < sums.length; label++) {
                if (other.sums[label] != null) {
                    ExactSum[] sum = sumsOf(label);
                    sum[0].addAll(other.sums[label][0]);
                    sum[1].addAll(other.sums[label][1]);
                }
            }
        }

        private ExactSum[] sumsOf(int label) {
            if (sums[label] == null) {
                sums[label] = newSums();
            }
            return sums[label];
        }

        @Override
        public Attribution attribution() {
            Map<String, ExactSum[]> byName = new TreeMap<>();
            for (int label = 0; label < sums.length; label++) {
                if (sums[label] != null) {
                    byName.put(labels.name(label), sums[label]);
                }
            }
            List<Attribution.Credit> credits = new ArrayList<>(byName.size());
            byName.forEach((name, sum) -> credits.add(new Attribution.Credit(name, sum[0].value(),
                    sum[1].value())));
            return new Attribution(NAME, credits, conversions, totalValue.value());
        }
    }

    private static ExactSum[] newSums() {
        return new ExactSum[] {new ExactSum(), new ExactSum()};
    }

    /**
     * The shares of the first {@code n} steps into {@code shares} (grown if too short, and returned): by the time
     * before {@code conversionTime}, or by the distance from the last step when {@code times} is empty. Ages are
     * measured from the youngest step, so the largest weight is 1 and the sum never underflows.
     */
    private double[] shares(long[] times, long conversionTime, int n, double[] shares) {
        shares = grown(shares, n);
        boolean timed = times.length > 0;
        for (int i = 0; i < n; i++) {
            shares[i] = timed ? Math.max(0, conversionTime - times[i]) / MILLIS_PER_DAY : n - 1 - i;
        }
        normalizeAges(shares, n);
        return shares;
    }

    private static double[] grown(double[] shares, int n) {
        return shares.length < n ? new double[Math.max(n, 2 * shares.length)] : shares;
    }

    /** The first {@code n} ages in days (of {@code shares}) turned into their shares, in place. */
    private void normalizeAges(double[] shares, int n) {
        double youngest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            youngest = Math.min(youngest, shares[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            shares[i] = Math.pow(2, -(shares[i] - youngest) / halfLifeDays);
            sum += shares[i];
        }
        for (int i = 0; i < n; i++) {
            shares[i] /= sum;
        }
    }
}
