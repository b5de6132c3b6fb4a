package com.journeyexplorer.analysis.compare;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.analysis.stats.Interval;
import com.journeyexplorer.analysis.stats.MultipleComparisons;
import com.journeyexplorer.analysis.stats.Proportions;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Key moments: for each touchpoint, the purchase rate of the journeys that saw it on their path to purchase against
 * those that did not (Wilson intervals, Newcombe interval of the difference, pooled z-test, Benjamini–Hochberg over
 * the touchpoints), with its place in the transition graph: betweenness centrality (normalized; weight
 * {@code -log P(transition)}, so shortest paths are the most probable ones) and PageRank (damping 0.85, weight =
 * transition count), both on the graph of {@link TransitionTable#withoutTimings} with start and outcome nodes, computed
 * over arrays by {@link TransitionCentrality} (the answers of JGraphT's {@code BetweennessCentrality} and
 * {@code PageRank}). Betweenness takes a shortest-path search from every node of the graph; on a graph of more nodes
 * than {@code betweennessSources} it is estimated from that many sources instead (see
 * {@link TransitionCentrality#betweenness(int, int[], int[], double[], int)}), so that thousands of touchpoints do
 * not cost touchpoints squared.
 *
 * <p>Ranking: by |z| of the purchase-rate difference, largest first (ties by name), so touchpoints that go with a sale
 * and those that go with abandonment or diversion both come first; {@link Direction} tells them apart, NEUTRAL where
 * the adjusted p-value is above the level. Cost O(events + touchpoints) for the counts ({@link MomentCounts}: one
 * pass, in two halves on two cores on a large snapshot, and none for a later request of every journey), plus
 * O(S · (E + V log V)) for betweenness from S ≤ V sources over V nodes and E transitions, shared among the cores:
 * it grows with the touchpoints and their transitions, not with the journeys.
 */
public final class KeyMoments {

    /** Which way a touchpoint moves the purchase rate. */
    public enum Direction { TOWARD_PURCHASE, AWAY_FROM_PURCHASE, NEUTRAL }

    /**
     * One touchpoint's figures; journey counts are weighted. {@code abandonedRateWith} and {@code divertedRateWith}
     * are the other outcomes' shares among the journeys that saw it.
     */
    public record KeyMoment(String touchpoint, long journeysWith, long purchasesWith, long journeysWithout,
            long purchasesWithout, Interval purchaseRateWith, Interval purchaseRateWithout,
            Proportions.Comparison comparison, double adjustedPValue, double abandonedRateWith,
            double divertedRateWith, double betweenness, double pageRank, Direction direction) {
    }

    /**
     * The touchpoints ranked, with how betweenness was found: from every node of the transition graph (exact) or,
     * on a graph of more than the requested number of nodes, estimated from that many sources; with the selected
     * journeys and purchases among them (weights counted).
     */
    public record Ranking(List<KeyMoment> moments, int graphNodes, int betweennessSources, long journeys,
            long purchases) {

        public boolean betweennessExact() {
            return betweennessSources == graphNodes;
        }
    }

    private static final Object UNFILTERED_COUNTS = new Object();

    private KeyMoments() {
    }

    /**
     * The key moments of the journeys of {@code selection}. When it selects every journey of the snapshot, the
     * counts are taken once per snapshot ({@link JourneySnapshot#memo}): a later request counts nothing and only ranks.
     *
     * @param confidence of the intervals, e.g. 0.95
     * @param alpha      level of the BH-adjusted p-value for a direction other than NEUTRAL, e.g. 0.05
     * @param betweennessSources sources of shortest paths at most: betweenness is exact on a graph of no more
     *                   nodes, estimated from that many sources on a larger one (its cost grows with them)
     */
    public static Ranking of(JourneySnapshot snapshot, JourneySelection selection, double confidence,
            double alpha, int betweennessSources) {
        MomentCounts counts = selection.selectsAll(snapshot)
                ? snapshot.memo(UNFILTERED_COUNTS, MomentCounts.class,
                        () -> MomentCounts.of(snapshot, journey -> true))
                : MomentCounts.of(snapshot, selection.predicate(snapshot));
        return rank(snapshot, counts, confidence, alpha, betweennessSources);
    }

    /** The key moments of the journeys accepted by {@code filter}, counted afresh; parameters as above. */
    public static Ranking of(JourneySnapshot snapshot, Predicate<Journey> filter, double confidence,
            double alpha, int betweennessSources) {
        return rank(snapshot, MomentCounts.of(snapshot, filter), confidence, alpha, betweennessSources);
    }

    private static Ranking rank(JourneySnapshot snapshot, MomentCounts counts, double confidence, double alpha,
            int betweennessSources) {
        int n = snapshot.touchpoints().size();
        long[] total = counts.total();
        TransitionTable table = counts.table();
        int graphNodes = table.nodes().size();
        double[] betweenness = TransitionCentrality.betweenness(graphNodes, sources(table), targets(table),
                weights(table, true), betweennessSources);
        double[] pageRank = TransitionCentrality.pageRank(table.nodes().size(), sources(table), targets(table),
                weights(table, false), 0.85);
        long all = sum(total);
        long purchases = total[Outcome.PURCHASE.ordinal()];
        List<Integer> present = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (sum(counts.with(), t) > 0) {
                present.add(t);
            }
        }
        double[] pValues = new double[present.size()];
        List<Proportions.Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            int t = present.get(i);
            long seenBy = sum(counts.with(), t);
            long bought = counts.with(t, Outcome.PURCHASE);
            Proportions.Comparison comparison = Proportions.compare(bought, seenBy, purchases - bought,
                    all - seenBy, confidence);
            comparisons.add(comparison);
            pValues[i] = comparison.pValue();
        }
        double[] adjusted = MultipleComparisons.benjaminiHochberg(pValues);
        List<KeyMoment> moments = new ArrayList<>(present.size());
        for (int i = 0; i < present.size(); i++) {
            int t = present.get(i);
            long seenBy = sum(counts.with(), t);
            long bought = counts.with(t, Outcome.PURCHASE);
            Proportions.Comparison comparison = comparisons.get(i);
            Direction direction = adjusted[i] > alpha || comparison.difference() == 0 || seenBy == all
                    ? Direction.NEUTRAL
                    : comparison.difference() > 0 ? Direction.TOWARD_PURCHASE : Direction.AWAY_FROM_PURCHASE;
            moments.add(new KeyMoment(snapshot.touchpoint(t).name(), seenBy, bought, all - seenBy,
                    purchases - bought, Proportions.wilson(bought, seenBy, confidence),
                    Proportions.wilson(purchases - bought, all - seenBy, confidence), comparison, adjusted[i],
                    (double) counts.with(t, Outcome.ABANDONED) / seenBy,
                    (double) counts.with(t, Outcome.DIVERTED) / seenBy,
                    betweenness[t], pageRank[t], direction));
        }
        moments.sort(Comparator.comparingDouble((KeyMoment m) -> -Math.abs(m.comparison().z()))
                .thenComparing(KeyMoment::touchpoint));
        return new Ranking(moments, graphNodes, Math.min(graphNodes, betweennessSources), all, purchases);
    }

    static int[] sources(TransitionTable table) {
        return table.transitions().stream().mapToInt(TransitionTable.Transition::from).toArray();
    }

    static int[] targets(TransitionTable table) {
        return table.transitions().stream().mapToInt(TransitionTable.Transition::to).toArray();
    }

    /**
     * The edge weights of the transitions, in their order.
     *
     * @param distances {@code -log P} (for shortest paths, the most probable) rather than counts
     */
    static double[] weights(TransitionTable table, boolean distances) {
        return table.transitions().stream()
                .mapToDouble(t -> distances ? -Math.log(t.probability()) : t.count()).toArray();
    }

    /** The touchpoint's weighted journeys over every outcome. */
    private static long sum(long[] with, int touchpoint) {
        long sum = 0;
        for (int outcome = 0; outcome < MomentCounts.OUTCOMES; outcome++) {
            sum += with[touchpoint * MomentCounts.OUTCOMES + outcome];
        }
        return sum;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
