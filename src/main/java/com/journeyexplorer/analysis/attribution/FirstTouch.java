package com.journeyexplorer.analysis.attribution;

/**
 * All of a conversion to the first step of the path. As ChannelAttribution's {@code heuristic_models}
 * ({@code first_touch}: the first channel of the path string).
 */
public final class FirstTouch extends PositionalModel {

    public static final String NAME = "first_touch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double share(int step, int length) {
        return step == 0 ? 1 : 0;
    }
}
