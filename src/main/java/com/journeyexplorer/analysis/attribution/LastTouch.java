package com.journeyexplorer.analysis.attribution;

/**
 * All of a conversion to the last step of the path (for a journey, the last touchpoint before its purchase). As
 * ChannelAttribution's {@code heuristic_models} ({@code last_touch}: the last channel of the path string).
 */
public final class LastTouch extends PositionalModel {

    public static final String NAME = "last_touch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double share(int step, int length) {
        return step == length - 1 ? 1 : 0;
    }
}
