package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.NodeSpace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.analysis.TwoHalves;
import com.journeyexplorer.analysis.chain.SolvedChain;
import com.journeyexplorer.analysis.chain.SparseChain;
import com.journeyexplorer.journey.Journey;

/**
 * The absorbing Markov chain of order k of a set of paths, with exact conversion probabilities.
 *
 * <p>States, as in ChannelAttribution's {@code markov_model_cpp}: {@code (start)}; for order k, the windows of k
 * consecutive labels of a path ({@code A > B > C} at order 2 is {@code (start) → A,B → B,C}), a path shorter than k
 * being one state of all its labels; then {@code (conversion)} and {@code (null)}. Each path adds its weight to
 * (start) → first state, to each state → next state, and to last state → (conversion) or (null). Consecutive
 * repeated states are kept as self-loops (as in ChannelAttribution's published worked example, A→A = 2/8) unless
 * {@code collapseRepeats}, which merges consecutive equal labels before the windows are formed, as the current
 * ChannelAttribution C++ code does ({@code if(ichannel!=ichannel_old)} when it encodes the paths): A A B at order 2
 * is {@code (start) → A,B}, not {@code (start) → A,A → A,B}. At order 1 that only drops self-loops, which leaves the
 * conversion probability and removal effects as they were; at higher orders the states themselves change.
 *
 * <p>Counts are integers ({@link ChainCounts}), so the chain does not depend on the order of the paths; states are
 * numbered in sorted order, so every computation runs in a fixed order and is bitwise reproducible; the total value is
 * an exact sum ({@link ExactSum}). Building costs O(total steps · k). The chain is solved once by {@link SolvedChain}
 * (sparse, no limit on the number of states); the removal effect of every label at once costs one more solve of
 * the transposed chain when each label is one state (order 1), else a solve per label restricted to the states
 * from which the label's states can be reached (ADR 0007).
 */
public final class MarkovChain {

    public static final int MAX_ORDER = 4;
    /** The start state's name, the start node's ({@link NodeSpace#START_NAME}). */
    public static final String START = NodeSpace.START_NAME;
    public static final String CONVERSION = "(conversion)";
    public static final String NULL = "(null)";
    private static final int TO_CONVERSION = -1;
    private static final int TO_NULL = -2;
    private static final int CONVERSION_OUTCOME = 0;
    private static final int NULL_OUTCOME = 1;
    /**
     * Labels whose removals are solved together at orders 2 to 4 ({@link SolvedChain#withoutEach(int, int, int[][])}):
     * on a clickstream of 30,000 journeys at order 2, 16 took about half the time of one label at a time, 8 and 32
     * about 0.6 of it, 64 about 0.75 (one run each).
     */
    private static final int LABELS_PER_SOLVE = 16;
    /**
     * Labels from which the removals are solved in batches of {@link #LABELS_PER_SOLVE}; below, one label at a time
     * over the states its removal changes. Measured at order 2: batches took 0.5-0.7 of the time on clickstreams of
     * 100, 300, 1,000 and 5,000 pages, and 1.4 times it on the demo store's 31 touchpoints.
     */
    private static final int SOLVED_TOGETHER_FROM = 64;

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
    private final SolvedChain solved;
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
        // At order 1 the removal effects need the inverse diagonal (withoutEach), whose factors then serve the solve
        // too; higher orders solve a restricted chain per label instead.
        SparseChain chain = sparse(targets, probs);
        this.solved = order == 1 ? SolvedChain.forRemovals(chain) : SolvedChain.of(chain);
        this.conversionProbability = solved.probability(0, CONVERSION_OUTCOME);
    }

    /** The chain as a {@link SparseChain}: outcome 0 is (conversion), outcome 1 (null). */
    private static SparseChain sparse(int[][] targets, double[][] probs) {
        SparseChain.Builder builder = SparseChain.builder(targets.length, 2);
        for (int s = 0; s < targets.length; s++) {
            for (int e = 0; e < targets[s].length; e++) {
                int t = targets[s][e];
                if (t == TO_CONVERSION) {
                    builder.absorb(s, CONVERSION_OUTCOME, probs[s][e]);
                } else if (t == TO_NULL) {
                    builder.absorb(s, NULL_OUTCOME, probs[s][e]);
                } else {
                    builder.add(s, t, probs[s][e]);
                }
            }
        }
        return builder.build();
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
     * Fits the chain to the paths of {@code journeys} ({@link AttributionPath#of}) labelled by {@code labels},
     * counted straight from their touchpoint arrays: the same chain as {@link #fit(Collection, int, boolean)} of
     * their paths, without a path object per journey. O(total steps · order).
     */
    public static MarkovChain fit(TouchpointLabels labels, Iterable<Journey> journeys, int order,
            boolean collapseRepeats) {
        ChainCounts counts = new ChainCounts(order, collapseRepeats, labels.count());
        int[] labelOf = labels.labelOfEachTouchpoint();
        for (Journey journey : journeys) {
            counts.addJourney(journey, labelOf);
        }
        return counts.chain(labels.names());
    }

    public int order() {
        return order;
    }

    /** The labels on the paths, sorted. */
    public List<String> labels() {
        return labels;
    }

    /** Number of transient states, (start) included. */
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
        return effect(conversionProbabilityWithout(removed));
    }

    /**
     * The removal effect of each label alone, by label. At order 1, where each label is one state, from
     * {@link SolvedChain#withoutEach}, computed for every state at once; at higher orders, where a label is in several
     * states (the windows that contain it), from {@value #SOLVED_TOGETHER_FROM} labels on {@value #LABELS_PER_SOLVE}
     * labels' removals at a time solved together over the chain ({@link SolvedChain#withoutEach(int, int, int[][])}),
     * with fewer labels a solve per label restricted to the states its removal changes; the batches or labels shared
     * out between two cores ({@link TwoHalves#both}): each label's result is the same whichever batch and thread solve
     * it.
     */
    public Map<String, Double> removalEffects() {
        double[] without = new double[labels.size()];
        int[][] statesOf = statesOfLabels();
        if (conversionProbability != 0 && order == 1) {
            double[] withoutEach = solved.withoutEach(0, CONVERSION_OUTCOME);
            for (int label = 0; label < without.length; label++) {
                without[label] = withoutEach[statesOf[label][0]];
            }
        } else if (conversionProbability != 0) {
            // batches of labels, or one label at a time: the next batch or label to whichever core is free
            int perSolve = labels.size() >= SOLVED_TOGETHER_FROM ? LABELS_PER_SOLVE : 1;
            AtomicInteger next = new AtomicInteger();
            Runnable solveLabels = () -> {
                boolean[] removed = new boolean[states.length];
                for (int batch = next.getAndIncrement(); batch * perSolve < without.length;
                        batch = next.getAndIncrement()) {
                    int first = batch * perSolve;
                    if (perSolve == 1) {
                        without[first] = withoutStates(statesOf[first], removed);
                        continue;
                    }
                    int[][] removals = java.util.Arrays.copyOfRange(statesOf, first,
                            Math.min(without.length, first + perSolve));
                    double[] solvedBatch = solved.withoutEach(0, CONVERSION_OUTCOME, removals);
                    System.arraycopy(solvedBatch, 0, without, first, solvedBatch.length);
                }
            };
            TwoHalves.both(solveLabels, solveLabels);
        }
        Map<String, Double> effects = new TreeMap<>();
        for (int label = 0; label < without.length; label++) {
            effects.put(labels.get(label), effect(without[label]));
        }
        return effects;
    }

    /** P(conversion) with {@code statesOfLabel} removed: a solve restricted to what the removal changes. */
    private double withoutStates(int[] statesOfLabel, boolean[] removed) {
        for (int s : statesOfLabel) {
            removed[s] = true;
        }
        double result = solved.without(0, CONVERSION_OUTCOME, removed);
        for (int s : statesOfLabel) {
            removed[s] = false;
        }
        return result;
    }

    private double effect(double without) {
        return conversionProbability == 0 ? 0 : (conversionProbability - without) / conversionProbability;
    }

    /** For each label id, the states whose window contains it, ascending. */
    private int[][] statesOfLabels() {
        int[] count = new int[labels.size()];
        int[] seen = new int[labels.size()];
        java.util.Arrays.fill(seen, -1);
        for (int s = 1; s < states.length; s++) {
            for (int id : states[s]) {
                if (seen[id] != s) {
                    seen[id] = s;
                    count[id]++;
                }
            }
        }
        int[][] result = new int[labels.size()][];
        for (int label = 0; label < result.length; label++) {
            result[label] = new int[count[label]];
        }
        java.util.Arrays.fill(count, 0);
        java.util.Arrays.fill(seen, -1);
        for (int s = 1; s < states.length; s++) {
            for (int id : states[s]) {
                if (seen[id] != s) {
                    seen[id] = s;
                    result[id][count[id]++] = s;
                }
            }
        }
        return result;
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
        boolean[] dropped = new boolean[states.length];
        for (int s = 1; s < states.length; s++) {
            for (int id : states[s]) {
                if (removed.contains(labels.get(id))) {
                    dropped[s] = true;
                    break;
                }
            }
        }
        return solved.without(0, CONVERSION_OUTCOME, dropped);
    }
}
