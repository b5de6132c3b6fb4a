package com.journeyexplorer.analysis.attribution;

import java.util.List;
import java.util.Locale;

/** The models by API name: {@code first_touch, last_touch, linear, position_based, time_decay, markov}. */
public final class AttributionModels {

    public static final List<String> NAMES = List.of(FirstTouch.NAME, LastTouch.NAME, LinearTouch.NAME,
            PositionBased.NAME, TimeDecay.NAME, MarkovAttribution.NAME);

    private AttributionModels() {
    }

    /**
     * The model called {@code name}.
     *
     * @param halfLifeDays used by time_decay only
     * @param order        used by markov only, 1..{@value MarkovChain#MAX_ORDER}
     * @throws IllegalArgumentException for an unknown name, naming the allowed ones
     */
    public static AttributionModel byName(String name, double halfLifeDays, int order) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case FirstTouch.NAME -> new FirstTouch();
            case LastTouch.NAME -> new LastTouch();
            case LinearTouch.NAME -> new LinearTouch();
            case PositionBased.NAME -> new PositionBased();
            case TimeDecay.NAME -> new TimeDecay(halfLifeDays);
            case MarkovAttribution.NAME -> new MarkovAttribution(order);
            default -> throw new IllegalArgumentException("unknown model '" + name + "', allowed: " + NAMES);
        };
    }
}
