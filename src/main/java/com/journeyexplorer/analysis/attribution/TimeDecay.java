package com.journeyexplorer.analysis.attribution;

import java.util.ArrayList;
import java.util.List;
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

    @Override
    public Attribution attribute(List<AttributionPath> paths) {
        return attributeSorted(paths);
    }

    /** Keeps the paths of the converting journeys only (the others earn no credit), then {@link #attribute}. */
    @Override
    public AttributionAccumulator accumulator(TouchpointLabels labels) {
        List<AttributionPath> converting = new ArrayList<>();
        return new AttributionAccumulator() {
            @Override
            public void add(Journey journey) {
                if (journey.outcome() == Outcome.PURCHASE) {
                    converting.add(AttributionPath.of(journey, labels));
                }
            }

            @Override
            public Attribution attribution() {
                return attribute(converting);
            }
        };
    }

    /** Ages are measured from the youngest step, so the largest weight is 1 and the sum never underflows. */
    @Override
    protected double[] shares(AttributionPath path) {
        int n = path.length();
        double[] ages = new double[n];
        double youngest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            ages[i] = path.isTimed()
                    ? Math.max(0, path.conversionTime() - path.stepTimes()[i]) / MILLIS_PER_DAY
                    : n - 1 - i;
            youngest = Math.min(youngest, ages[i]);
        }
        double[] shares = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            shares[i] = Math.pow(2, -(ages[i] - youngest) / halfLifeDays);
            sum += shares[i];
        }
        for (int i = 0; i < n; i++) {
            shares[i] /= sum;
        }
        return shares;
    }
}
