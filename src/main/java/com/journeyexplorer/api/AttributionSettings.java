package com.journeyexplorer.api;


import org.springframework.util.MultiValueMap;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.analysis.attribution.AttributionModel;
import com.journeyexplorer.analysis.attribution.FirstTouch;
import com.journeyexplorer.analysis.attribution.LastTouch;
import com.journeyexplorer.analysis.attribution.LinearTouch;
import com.journeyexplorer.analysis.attribution.MarkovAttribution;
import com.journeyexplorer.analysis.attribution.MarkovChain;
import com.journeyexplorer.analysis.attribution.PositionBased;
import com.journeyexplorer.analysis.attribution.TimeDecay;

/**
 * The attribution model a request asks for: {@code model}, the labels it credits as the path analyses shape them
 * ({@code level=touchpoint|channel|stage}, {@code group=Name:regex}, read by {@link JourneyQuery#shaping}), {@code
 * order} and {@code collapseRepeats} (markov), {@code halfLife} (time-decay, days; steps for untimed aggregated
 * paths). A parameter that the chosen model does not use is a 400 rather than silently ignored, and so is {@code
 * maxSteps}: attribution takes each path whole, up to its purchase.
 */
record AttributionSettings(ModelName name, PathShaping shaping, int order, double halfLifeDays) {

    /** The model names of the API. */
    enum ModelName {
        MARKOV, FIRST, LAST, LINEAR, POSITION, TIME_DECAY;

        /** As the API spells it: {@code time-decay}. */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    static final double DEFAULT_HALF_LIFE_DAYS = 7;
    static final double MAX_HALF_LIFE_DAYS = 3650;

    /**
     * Reads the model parameters; the model defaults to markov. {@code shaping} is the request's path shaping
     * ({@link JourneyQuery#shaping}): its level and groups label the steps, its {@code collapseRepeats} is Markov's.
     */
    static AttributionSettings of(MultiValueMap<String, String> parameters, PathShaping shaping) {
        ModelName name = JourneyQuery.choice(parameters, "model", ModelName.class);
        name = name == null ? ModelName.MARKOV : name;
        if (shaping.maxSteps() != null) {
            throw new InvalidParameterException("maxSteps", "does not apply to attribution: each path is taken "
                    + "whole, up to its purchase, since cutting it would drop the touchpoints nearest the purchase");
        }
        if (name != ModelName.MARKOV) {
            onlyFor(parameters, "order", ModelName.MARKOV);
            onlyFor(parameters, "collapseRepeats", ModelName.MARKOV);
        }
        if (name != ModelName.TIME_DECAY) {
            onlyFor(parameters, "halfLife", ModelName.TIME_DECAY);
        }
        int order = JourneyQuery.integer(parameters, "order", 1, MarkovChain.MAX_ORDER, 1);
        return new AttributionSettings(name, shaping, order, halfLife(parameters));
    }

    /**
     * The half-life, in (0, {@value #MAX_HALF_LIFE_DAYS}]: every value out of range (0, -1, NaN, 1e999) is refused
     * with the same message, naming the value as given.
     */
    private static double halfLife(MultiValueMap<String, String> parameters) {
        String value = JourneyQuery.single(parameters, "halfLife");
        if (value == null) {
            return DEFAULT_HALF_LIFE_DAYS;
        }
        String range = "greater than 0 and at most " + Math.round(MAX_HALF_LIFE_DAYS)
                + " (days; steps for untimed paths), was ";
        double halfLife;
        try {
            halfLife = JourneyQuery.plainDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("halfLife", "must be a number " + range + "'"
                    + JourneyQuery.abbreviate(value) + "'");
        }
        if (!(halfLife > 0 && halfLife <= MAX_HALF_LIFE_DAYS)) {
            throw new InvalidParameterException("halfLife", "must be " + range + JourneyQuery.abbreviate(value));
        }
        return halfLife;
    }

    /** What a step is labelled by, where no group claims its touchpoint. */
    PathShaping.Level level() {
        return shaping.level();
    }

    /** Merge consecutive equal Markov states (markov only; any other model refuses it). */
    boolean collapseRepeats() {
        return shaping.collapseRepeats();
    }

    /** The labels of {@code snapshot}'s touchpoints that the model credits. */
    TouchpointLabels labels(JourneySnapshot snapshot) {
        return TouchpointLabels.of(snapshot, shaping);
    }

    /** 400 when {@code parameter} is given although the model is not {@code model}. */
    static void onlyFor(MultiValueMap<String, String> parameters, String parameter, ModelName model) {
        if (JourneyQuery.single(parameters, parameter) != null) {
            throw new InvalidParameterException(parameter, "applies to model=" + model.label() + " only");
        }
    }

    /**
     * The analysis model. Markov keeps repeated states as self-loops, as ChannelAttribution's worked example does,
     * unless {@code collapseRepeats} merges repeated steps before its states are formed; the heuristics are
     * ChannelAttribution's {@code heuristic_models} plus position-based (40/20/40) and time decay.
     */
    AttributionModel model() {
        return switch (name) {
            case MARKOV -> new MarkovAttribution(order, collapseRepeats());
            case FIRST -> new FirstTouch();
            case LAST -> new LastTouch();
            case LINEAR -> new LinearTouch();
            case POSITION -> new PositionBased();
            case TIME_DECAY -> new TimeDecay(halfLifeDays);
        };
    }

    /** The order for markov, else null (left out of the answer). */
    Integer orderIfMarkov() {
        return name == ModelName.MARKOV ? order : null;
    }

    /** The half-life for time-decay, else null. */
    Double halfLifeIfTimeDecay() {
        return name == ModelName.TIME_DECAY ? halfLifeDays : null;
    }
}
