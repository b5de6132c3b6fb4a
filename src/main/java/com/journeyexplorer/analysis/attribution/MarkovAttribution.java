package com.journeyexplorer.analysis.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.journeyexplorer.analysis.FrustrationEvents;
import com.journeyexplorer.analysis.StepEdges;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.Journey;

/**
 * Markov-chain attribution by removal effects, computed exactly (no simulation): the chain of {@link MarkovChain};
 * a label's removal effect is {@code (P - P_without) / P}; attributed conversions are
 * {@code total conversions × effect / sum of effects}, and the same for value. This is the removal-effect model of
 * ChannelAttribution's papers and worked example (A = 2, B = 1); its current code estimates the same quantity by
 * simulation. Cost: see {@link MarkovChain#removalEffects()}.
 */
public final class MarkovAttribution implements AttributionModel {

    public static final String NAME = "markov";

    private final int order;
    private final boolean collapseRepeats;

    public MarkovAttribution(int order) {
        this(order, false);
    }

    /** @param collapseRepeats merge consecutive equal states, as the current ChannelAttribution C++ code does */
    public MarkovAttribution(int order, boolean collapseRepeats) {
        if (order < 1 || order > MarkovChain.MAX_ORDER) {
            throw new IllegalArgumentException("order must be in 1.." + MarkovChain.MAX_ORDER + ", was " + order);
        }
        this.order = order;
        this.collapseRepeats = collapseRepeats;
    }

    @Override
    public String name() {
        return NAME;
    }

    public MarkovChain fit(List<AttributionPath> paths) {
        return MarkovChain.fit(paths, order, collapseRepeats);
    }

    /** The chain of the paths of {@code journeys} labelled by {@code labels}, counted from their touchpoint arrays. */
    public MarkovChain fit(TouchpointLabels labels, Iterable<Journey> journeys) {
        ChainAccumulator accumulator = accumulator(labels);
        for (Journey journey : journeys) {
            accumulator.add(journey);
        }
        return accumulator.chain();
    }

    @Override
    public Attribution attribute(List<AttributionPath> paths) {
        return attribution(fit(paths));
    }

    /** Counts the journeys' transitions as they come; the attribution is that of the chain they make. */
    @Override
    public ChainAccumulator accumulator(TouchpointLabels labels) {
        return new ChainAccumulator(labels, new ChainCounts(order, collapseRepeats, labels.count()));
    }

    /** The transitions of the journeys added so far, as a {@link MarkovChain} or its attribution. */
    public static final class ChainAccumulator implements AttributionAccumulator.Merging {

        private final List<String> labels;
        private final int[] labelOf;
        private final ChainCounts counts;
        /** The touches of the record with frustration events added by position last. */
        private final ColumnTouches touches = new ColumnTouches();

        private ChainAccumulator(TouchpointLabels labels, ChainCounts counts) {
            this.labels = labels.names();
            this.labelOf = labels.labelOfEachTouchpoint();
            this.counts = counts;
        }

        @Override
        public void add(Journey journey) {
            // A journey still in progress has not converted, nor failed to: it would only inflate the null state.
            if (journey.outcome() == com.journeyexplorer.journey.Outcome.OPEN) {
                return;
            }
            counts.addJourney(journey, labelOf);
        }

        /** As {@link #add(Journey)}; at first order the transitions are read from {@code edges} by edge id. */
        @Override
        public void add(Journey journey, StepEdges edges, int position) {
            if (journey.outcome() == com.journeyexplorer.journey.Outcome.OPEN) {
                return;
            }
            counts.addRecord(journey, edges, position, labelOf);
        }

        /**
         * As {@link #add(Journey)}; a record with frustration events is counted from its touches read from
         * {@code edges} ({@link ColumnTouches}), as a path of labels (its transitions are no edges of the column).
         */
        @Override
        public void add(Journey journey, StepEdges edges, int position, FrustrationEvents.Records frustrated) {
            if (!frustrated.has(position)) {
                add(journey, edges, position);
            } else if (journey.outcome() != com.journeyexplorer.journey.Outcome.OPEN) {
                int length = touches.read(edges, position, PathCounter.pathLength(journey), frustrated);
                boolean converted = journey.outcome() == com.journeyexplorer.journey.Outcome.PURCHASE;
                counts.add(touches.steps(), length, labelOf, converted, journey.weight(),
                        converted ? Math.max(0, journey.value()) : 0);
            }
        }

        /**
         * Adds the journeys of {@code later}, an accumulator of the same model and labels: the chain is then the one
         * of every journey added to either (counts are exact, so the order of the parts does not matter).
         */
        @Override
        public void addAll(Merging later) {
            counts.addAll(((ChainAccumulator) later).counts);
        }

        /** The chain of the journeys added so far; each call numbers the states afresh, O(states log states). */
        public MarkovChain chain() {
            return counts.chain(labels);
        }

        @Override
        public Attribution attribution() {
            return MarkovAttribution.attribution(chain());
        }
    }

    /** Attribution by the removal effect of each label of {@code chain}. */
    public static Attribution attribution(MarkovChain chain) {
        return attribution(chain, chain.removalEffects());
    }

    /**
     * Attribution by removal effects already computed with {@link MarkovChain#removalEffects()}, so that a caller
     * that also reports them computes them once.
     */
    public static Attribution attribution(MarkovChain chain, Map<String, Double> effects) {
        double sum = sortedSum(effects.values().stream().mapToDouble(Double::doubleValue).toArray());
        List<Attribution.Credit> credits = new ArrayList<>(effects.size());
        effects.forEach((label, effect) -> {
            double share = sum > 0 ? effect / sum : 0;
            credits.add(new Attribution.Credit(label, chain.totalConversions() * share, chain.totalValue() * share));
        });
        return new Attribution(NAME, credits, chain.totalConversions(), chain.totalValue());
    }

    /** The removal effect of {@code labels} taken out together ({@code remove=a,b}). */
    public double removalEffect(List<AttributionPath> paths, Set<String> labels) {
        return fit(paths).removalEffect(labels);
    }

    /** The sum of the values in ascending order: the same whatever order the map gave them in. */
    private static double sortedSum(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        double sum = 0;
        for (double value : copy) {
            sum += value;
        }
        return sum;
    }
}
