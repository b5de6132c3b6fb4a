package com.journeyexplorer.analysis.attribution;

/**
 * The U-shaped 40/20/40 rule: 40% to the first step, 40% to the last, 20% split equally over the steps between. A
 * one-step path gives 100% to its step, a two-step path 50/50. (ChannelAttribution's {@code heuristic_models} has no
 * position-based model; this is the common convention of web analytics tools.)
 */
public final class PositionBased extends PositionalModel {

    public static final String NAME = "position_based";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double share(int step, int length) {
        if (length == 1) {
            return 1;
        }
        if (length == 2) {
            return 0.5;
        }
        return step == 0 || step == length - 1 ? 0.4 : 0.2 / (length - 2);
    }
}
