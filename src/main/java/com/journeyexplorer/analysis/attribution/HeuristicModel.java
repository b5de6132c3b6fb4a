package com.journeyexplorer.analysis.attribution;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule-based model: each converting path's conversions and value are split over its steps by fixed shares
 * ({@link #shares}); a label's credit is the sum of the shares of its steps. Paths that did not convert are ignored.
 * {@link PositionalModel}s count without keeping paths; otherwise {@link #attributeSorted} costs
 * O(total steps + p log p) for p converting paths (sorted first so that the sums do not depend on input order).
 */
public abstract sealed class HeuristicModel implements AttributionModel permits PositionalModel, TimeDecay {

    /**
     * The share of the conversion that each step of {@code path} receives; the shares sum to 1. A label that occurs
     * on several steps receives the sum of their shares.
     */
    protected abstract double[] shares(AttributionPath path);

    /** Attribution of {@code paths} share by share, the converting paths taken in {@link PathOrder#CANONICAL}. */
    protected final Attribution attributeSorted(List<AttributionPath> paths) {
        List<AttributionPath> converting = paths.stream().filter(AttributionPath::converted).toList();
        Map<String, double[]> sums = new TreeMap<>();
        for (AttributionPath path : PathOrder.sorted(converting)) {
            double[] shares = shares(path);
            for (int i = 0; i < path.length(); i++) {
                if (shares[i] == 0) {
                    continue;
                }
                double[] sum = sums.computeIfAbsent(path.steps()[i], label -> new double[2]);
                sum[0] += path.weight() * shares[i];
                sum[1] += path.conversionValue() * shares[i];
            }
        }
        List<Attribution.Credit> credits = sums.entrySet().stream()
                .map(entry -> new Attribution.Credit(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
        return new Attribution(name(), credits, PathOrder.totalConversions(converting),
                PathOrder.totalValue(converting));
    }
}
