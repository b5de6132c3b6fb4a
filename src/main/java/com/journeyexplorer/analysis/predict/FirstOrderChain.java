package com.journeyexplorer.analysis.predict;

import java.util.List;
import java.util.function.IntPredicate;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.WorkBudget;
import com.journeyexplorer.analysis.chain.SolvedChain;
import com.journeyexplorer.analysis.chain.SparseChain;
import com.journeyexplorer.journey.Journey;

/**
 * The first-order absorbing Markov chain over touchpoints as a predictor, the baseline of the backtest: each
 * touchpoint a transient state, the outcomes absorbing, transition probabilities the learned journeys' shares (to
 * their first purchase); an open journey's outcome probabilities are the exact absorbing probabilities from its last
 * step, solved sparsely by {@link SolvedChain} (ADR 0007). A touchpoint no learned journey visited predicts the base
 * rate. Cost: one pass over the learned events, O(events) expected, plus the solve; a prediction O(1).
 */
final class FirstOrderChain {

    private static final int OUTCOMES = 3;

    private final double[] probabilities;
    private final double[] baseRate;

    private FirstOrderChain(double[] probabilities, double[] baseRate) {
        this.probabilities = probabilities;
        this.baseRate = baseRate;
    }

    /**
     * Learns from the finished journeys at the positions {@code selected} accepts (every record for null).
     *
     * @throws com.journeyexplorer.analysis.chain.ChainNotSolvedException on a large cycle that does not converge
     */
    static FirstOrderChain learn(JourneySnapshot snapshot, IntPredicate selected) {
        int n = snapshot.touchpoints().size();
        NodeKeyTable counts = new NodeKeyTable(1 << 10);
        long[] leaving = new long[n];
        long[] absorbed = new long[n * OUTCOMES];
        long[] outcomes = new long[OUTCOMES];
        List<Journey> all = snapshot.journeys();
        for (int position = 0; position < all.size(); position++) {
            if ((position & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            Journey journey = all.get(position);
            if (!journey.outcome().isFinished() || (selected != null && !selected.test(position))) {
                continue;
            }
            int weight = journey.weight();
            int[] steps = journey.steps();
            int length = journey.pathLength();
            outcomes[journey.outcome().ordinal()] += weight;
            for (int i = 0; i + 1 < length; i++) {
                counts.add(NodeKeyTable.key(steps[i], steps[i + 1]), weight);
                leaving[steps[i]] += weight;
            }
            int last = steps[length - 1];
            absorbed[last * OUTCOMES + journey.outcome().ordinal()] += weight;
            leaving[last] += weight;
        }
        SparseChain.Builder builder = SparseChain.builder(n, OUTCOMES);
        counts.forEach((key, count) -> {
            int from = NodeKeyTable.node(key);
            builder.add(from, NodeKeyTable.symbol(key), (double) count / leaving[from]);
        });
        for (int t = 0; t < n; t++) {
            for (int o = 0; o < OUTCOMES; o++) {
                if (absorbed[t * OUTCOMES + o] > 0) {
                    builder.absorb(t, o, (double) absorbed[t * OUTCOMES + o] / leaving[t]);
                }
            }
        }
        SolvedChain solved = SolvedChain.of(builder.build());
        long total = outcomes[0] + outcomes[1] + outcomes[2];
        double[] baseRate = new double[OUTCOMES];
        for (int o = 0; o < OUTCOMES; o++) {
            baseRate[o] = total == 0 ? 0 : (double) outcomes[o] / total;
        }
        double[] probabilities = new double[n * OUTCOMES];
        for (int t = 0; t < n; t++) {
            for (int o = 0; o < OUTCOMES; o++) {
                probabilities[t * OUTCOMES + o] = leaving[t] == 0 ? baseRate[o] : solved.probability(t, o);
            }
        }
        return new FirstOrderChain(probabilities, baseRate);
    }

    /** Fills {@code into} (purchase, abandoned, diverted) for a journey whose last step is {@code touchpoint}. */
    void predict(int touchpoint, double[] into) {
        System.arraycopy(probabilities, touchpoint * OUTCOMES, into, 0, OUTCOMES);
    }

    /** The learned journeys' outcome shares. */
    double[] baseRate() {
        return baseRate.clone();
    }
}
