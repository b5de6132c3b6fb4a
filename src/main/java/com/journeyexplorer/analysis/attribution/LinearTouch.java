package com.journeyexplorer.analysis.attribution;

/**
 * An equal share 1/n to each of the n steps of the path, repeats included: in {@code A > B > A} label A receives 2/3.
 * This is ChannelAttribution's {@code linear_touch}: its {@code heuristic_models_cpp} adds the path's conversions to
 * a per-channel counter at every occurrence and divides by the number of steps {@code n_path_length}.
 */
public final class LinearTouch extends PositionalModel {

    public static final String NAME = "linear";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double share(int step, int length) {
        return 1.0 / length;
    }
}
