package com.journeyexplorer.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.analysis.attribution.MarkovAttribution;
import com.journeyexplorer.analysis.attribution.MarkovChain;
import com.journeyexplorer.analysis.chain.FactorCosts;
import com.journeyexplorer.analysis.chain.SparseChain;
import com.journeyexplorer.ingest.InMemoryImport;

/**
 * Where the time of Markov attribution goes at each order, on the touchpoints of a generated CSV, without a database:
 * per order the chain's size, counting the journeys into it (with its solve), and every removal effect, medians of
 * {@code profile.runs} runs (default 3) after {@code profile.warmups} (default 1), the orders in turn within each run;
 * then, with {@code -Dprofile.factors=true}, what factoring the whole chain once would cost ({@link FactorCosts}).
 *
 * <pre>{@code
 * BENCH_TOUCHPOINTS=2600 bench/profile.sh orders --shape clickstream 20000
 * }</pre>
 */
public final class MarkovOrdersProfile {

    private MarkovOrdersProfile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: MarkovOrdersProfile <events.csv> [orders=1,2,3]");
            System.exit(2);
        }
        int[] orders = Arrays.stream((args.length > 1 ? args[1] : "1,2,3").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int runs = Integer.getInteger("profile.runs", 3);
        int warmups = Integer.getInteger("profile.warmups", 1);
        JourneySnapshot snapshot = InMemoryImport.snapshotOf(Path.of(args[0]));
        TouchpointLabels labels = TouchpointLabels.of(snapshot, PathShaping.touchpoints());
        System.out.printf(Locale.ROOT, "%,d journeys, %,d events, %,d labels%n", snapshot.journeyCount(),
                snapshot.eventCount(), labels.count());
        double[][] fit = new double[orders.length][runs];
        double[][] effects = new double[orders.length][runs];
        MarkovChain[] chains = new MarkovChain[orders.length];
        double[] sums = new double[orders.length];
        for (int run = -warmups; run < runs; run++) {
            for (int o = 0; o < orders.length; o++) {
                long t0 = System.nanoTime();
                MarkovChain chain = new MarkovAttribution(orders[o]).fit(labels, snapshot.journeys());
                long t1 = System.nanoTime();
                Map<String, Double> removal = chain.removalEffects();
                long t2 = System.nanoTime();
                if (run >= 0) {
                    fit[o][run] = (t1 - t0) / 1e6;
                    effects[o][run] = (t2 - t1) / 1e6;
                }
                chains[o] = chain;
                sums[o] = removal.values().stream().mapToDouble(Double::doubleValue).sum();
            }
        }
        for (int o = 0; o < orders.length; o++) {
            Arrays.sort(fit[o]);
            Arrays.sort(effects[o]);
            System.out.printf(Locale.ROOT, "order %d: %,d states, %,d transitions; counting and solve %.0f ms, "
                    + "every removal effect %.0f ms (min %.0f), sum of effects %.9f%n", orders[o],
                    chains[o].transientStateCount(), chains[o].transitions().size(), fit[o][runs / 2],
                    effects[o][runs / 2], effects[o][0], sums[o]);
            if (Boolean.getBoolean("profile.factors")) {
                System.out.println("  " + FactorCosts.describe(sparse(chains[o].transitions())));
            }
        }
    }

    /** The chain again as a {@link SparseChain}, from its transitions: outcome 0 (conversion), 1 (null). */
    private static SparseChain sparse(List<MarkovChain.Transition> transitions) {
        Map<String, Integer> ids = new java.util.HashMap<>();
        ids.put(MarkovChain.START, 0);
        for (MarkovChain.Transition t : transitions) {
            ids.putIfAbsent(t.from(), ids.size());
        }
        SparseChain.Builder builder = SparseChain.builder(ids.size(), 2);
        for (MarkovChain.Transition t : transitions) {
            int from = ids.get(t.from());
            if (t.to().equals(MarkovChain.CONVERSION)) {
                builder.absorb(from, 0, t.probability());
            } else if (t.to().equals(MarkovChain.NULL)) {
                builder.absorb(from, 1, t.probability());
            } else {
                builder.add(from, ids.get(t.to()), t.probability());
            }
        }
        return builder.build();
    }
}
