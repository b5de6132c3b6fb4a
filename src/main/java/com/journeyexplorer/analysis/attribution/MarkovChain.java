package com.journeyexplorer.analysis.attribution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.journeyexplorer.analysis.Journey;
import com.journeyexplorer.analysis.JourneySnapshot;

/**
 * The absorbing Markov chain of order k of a set of paths, with exact conversion probabilities.
 *
 * <p>States, as in ChannelAttribution's {@code markov_model_cpp}: {@code (start)}; for order k, the windows of k
 * consecutive labels of a path ({@code A > B > C} at order 2 is {@code (start) → A,B → B,C}), a path shorter than k
 * being one state of all its labels; then {@code (conversion)} and {@code (null)}. Each path adds its weight to
 * (start) → first state, to each state → next state, and to last state → (conversion) or (null). Consecutive
 * repeated states are kept as self-loops (as in ChannelAttribution's published worked example, A→A = 2/8) unless
 * {@code collapseRepeats}, which merges them as the current ChannelAttribution C++ code does
 * ({@code if(ichannel!=ichannel_old)} when it encodes the paths).
 *
 * <p>Counts are integers ({@link ChainCounts}), so the chain does not depend on the order of the paths; states are
 * numbered in sorted order, so every computation runs in a fixed order and is bitwise reproducible; the total value is
 * an exact sum ({@link ExactSum}). Building costs O(total steps · k);
 * each conversion probability one {@link AbsorptionSolver} solve, O(n³) for n transient states.
 */
public final class MarkovChain {

    public static final int MAX_ORDER = 4;
    public static final String START = "(start)";
    public static final String CONVERSION = "(conversion)";
    public static final String NULL = "(null)";
    private static final int TO_CONVERSION = -1;
    private static final int TO_NULL = -2;

    /** One transition of the chain with its count and probability; states named by their labels joined by ",". */
    public record Transition(String from, String to, long count, double probability) {
    }

    private final int order;
    private final List<String> labels;
    private final int[][] states;
    private final int[][] targets;
    private final long[][] counts;
    private final double[][] probs;
    private final long totalConversions;
    private final double totalValue;
    private final double conversionProbability;

    MarkovChain(int order, List<String> labels, int[][] states, int[][] targets, long[][] counts,
            long totalConversions, double totalValue) {
        this.order = order;
        this.labels = labels;
        this.states = states;
        this.targets = targets;
        this.counts = counts;
        this.probs = new double[targets.length][];
        for (int s = 0; s < targets.length; s++) {
            long out = 0;
            for (long count : counts[s]) {
                out += count;
            }
            probs[s] = new double[counts[s].length];
            for (int e = 0; e < counts[s].length; e++) {
                probs[s][e] = (double) counts[s][e] / out;
            }
        }
        this.totalConversions = totalConversions;
        this.totalValue = totalValue;
        this.conversionProbability = solve(Set.of());
    }

    /**
     * Fits the chain of order {@code order} (1..{@value #MAX_ORDER}) to {@code paths}.
     *
     * @param collapseRepeats merge consecutive equal states into one visit, as current ChannelAttribution does
     */
    public static MarkovChain fit(Collection<AttributionPath> paths, int order, boolean collapseRepeats) {
        Objects.requireNonNull(paths, "paths");
        List<AttributionPath> list = List.copyOf(paths);
        LabelTable table = LabelTable.of(list);
        ChainCounts counts = new ChainCounts(order, collapseRepeats, table.labels().size());
        table.encode(list, counts);
        return counts.chain(table.labels());
    }

    /**
     * Fits the chain to the paths of {@code journeys} ({@link AttributionPath#of}) labelled at {@code level}, counted
     * straight from their touchpoint arrays: the same chain as {@link #fit(Collection, int, boolean)} of their paths,
     * without a path object per journey. O(total steps · order).
     */
    public static MarkovChain fit(JourneySnapshot snapshot, Iterable<Journey> journeys, LabelLevel level, int order,
            boolean collapseRepeats) {
        LabelTable table = LabelTable.of(snapshot, level);
        ChainCounts counts = new ChainCounts(order, collapseRepeats, table.labels().size());
        for (Journey journey : journeys) {
            counts.addJourney(journey, table.labelOf());
        }
        return counts.chain(table.labels());
    }

    public int order() {
        return order;
    }

    /** The labels on the paths, sorted. */
    public List<String> labels() {
        return labels;
    }

    /** Number of transient states, (start) included: the n of the O(n³) solve. */
    public int transientStateCount() {
        return states.length;
    }

    public long totalConversions() {
        return totalConversions;
    }

    public double totalValue() {
        return totalValue;
    }

    /** P(conversion) from (start). */
    public double conversionProbability() {
        return conversionProbability;
    }

    /** P(conversion) from (start) when every state containing one of {@code removed} leads to (null) instead. */
    public double conversionProbabilityWithout(Set<String> removed) {
        return removed.isEmpty() ? conversionProbability : solve(removed);
    }

    /**
     * The removal effect of a set of labels taken out together: {@code (P - P_without) / P}, 0 when P is 0. In
     * [0, 1]: 1 means no conversion is left without them.
     */
    public double removalEffect(Set<String> removed) {
        for (String label : removed) {
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("unknown label: " + label);
            }
        }
        if (conversionProbability == 0) {
            return 0;
        }
        return (conversionProbability - conversionProbabilityWithout(removed)) / conversionProbability;
    }

    /** The removal effect of each label alone, by label. */
    public Map<String, Double> removalEffects() {
        Map<String, Double> effects = new TreeMap<>();
        for (String label : labels) {
            effects.put(label, removalEffect(Set.of(label)));
        }
        return effects;
    }

    /** The transitions with their probabilities, by source state then target. */
    public List<Transition> transitions() {
        List<Transition> result = new ArrayList<>();
        for (int s = 0; s < targets.length; s++) {
            for (int e = 0; e < targets[s].length; e++) {
                int t = targets[s][e];
                String to = t == TO_CONVERSION ? CONVERSION : t == TO_NULL ? NULL : stateName(t);
                result.add(new Transition(stateName(s), to, counts[s][e], probs[s][e]));
            }
        }
        return result;
    }

    private String stateName(int state) {
        if (state == 0) {
            return START;
        }
        StringBuilder name = new StringBuilder();
        for (int id : states[state]) {
            if (!name.isEmpty()) {
                name.append(',');
            }
            name.append(labels.get(id));
        }
        return name.toString();
    }

    private double solve(Set<String> removed) {
        boolean[] kept = new boolean[states.length];
        kept[0] = true;
        for (int s = 1; s < states.length; s++) {
            kept[s] = true;
            for (int id : states[s]) {
                if (removed.contains(labels.get(id))) {
                    kept[s] = false;
                    break;
                }
            }
        }
        return AbsorptionSolver.conversionProbabilities(targets, probs, kept)[0];
    }
}
