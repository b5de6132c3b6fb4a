package com.journeyexplorer.analysis.attribution;

import java.util.Arrays;

/**
 * The U-shaped 40/20/40 rule: 40% to the first step, 40% to the last, 20% split equally over the steps between. A
 * one-step path gives 100% to its step, a two-step path 50/50. (ChannelAttribution's {@code heuristic_models} has no
 * position-based model; this is the common convention of web analytics tools.)
 */
public final class PositionBased extends HeuristicModel {

    public static final String NAME = "position_based";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double[] shares(AttributionPath path) {
        int n = path.length();
        double[] shares = new double[n];
        if (n == 1) {
            shares[0] = 1;
        } else if (n == 2) {
            shares[0] = 0.5;
            shares[1] = 0.5;
        } else {
            Arrays.fill(shares, 0.2 / (n - 2));
            shares[0] = 0.4;
            shares[n - 1] = 0.4;
        }
        return shares;
    }
}
