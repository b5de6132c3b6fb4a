package com.journeyexplorer.analysis.attribution;

/**
 * All of a conversion to the first step of the path. As ChannelAttribution's {@code heuristic_models}
 * ({@code first_touch}: the first channel of the path string).
 */
public final class FirstTouch extends HeuristicModel {

    public static final String NAME = "first_touch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double[] shares(AttributionPath path) {
        double[] shares = new double[path.length()];
        shares[0] = 1;
        return shares;
    }
}
