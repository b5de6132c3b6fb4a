package com.journeyexplorer.analysis.attribution;

/**
 * All of a conversion to the last step of the path (for a journey, the last touchpoint before its purchase). As
 * ChannelAttribution's {@code heuristic_models} ({@code last_touch}: the last channel of the path string).
 */
public final class LastTouch extends HeuristicModel {

    public static final String NAME = "last_touch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double[] shares(AttributionPath path) {
        double[] shares = new double[path.length()];
        shares[path.length() - 1] = 1;
        return shares;
    }
}
