package com.journeyexplorer.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.journeyexplorer.analysis.attribution.AttributionPath;
import com.journeyexplorer.analysis.attribution.MarkovChain;

/**
 * Times Markov attribution's removal effect of every label on random sparse journeys over many labels, without a
 * database: each label leads to a few labels of its own (Zipf-like preference), journeys are geometric in length and
 * convert with a probability that grows with their length. Prints the chain's size, the fit and the median of the
 * removal-effect runs.
 *
 * <pre>{@code
 * bench/profile.sh markov [labels=5000] [journeys=1000000] [order=1]
 * }</pre>
 */
public final class MarkovRemovalProfile {

    private MarkovRemovalProfile() {
    }

    public static void main(String[] args) {
        int labels = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int journeys = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int order = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int runs = Integer.getInteger("profile.runs", 3);
        List<AttributionPath> paths = journeys(labels, journeys, 42);
        long t0 = System.nanoTime();
        MarkovChain chain = MarkovChain.fit(paths, order, false);
        double fit = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "%,d journeys over %,d labels, order %d: %,d states, %,d transitions, "
                + "P(conversion) %.6f, fit %.0f ms%n", journeys, chain.labels().size(), order,
                chain.transientStateCount(), chain.transitions().size(), chain.conversionProbability(), fit);
        double[] millis = new double[runs];
        Map<String, Double> effects = null;
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            effects = chain.removalEffects();
            millis[run] = (System.nanoTime() - started) / 1e6;
            System.out.printf(Locale.ROOT, "run %d: every removal effect in %.0f ms%n", run + 1, millis[run]);
        }
        Arrays.sort(millis);
        double sum = effects.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "median %.0f ms for %,d removal effects (sum of effects %.9f)%n",
                millis[runs / 2], effects.size(), sum);
    }

    /** Deterministic random journeys: label i prefers 8 successors, picked with weights 1, 1/2, 1/3, ... */
    static List<AttributionPath> journeys(int labels, int count, long seed) {
        Random random = new Random(seed);
        int[][] next = new int[labels][8];
        for (int[] row : next) {
            for (int k = 0; k < row.length; k++) {
                row[k] = zipf(random, labels);
            }
        }
        double[] cumulative = new double[8];
        double total = 0;
        for (int k = 0; k < 8; k++) {
            total += 1.0 / (k + 1);
            cumulative[k] = total;
        }
        String[] names = new String[labels];
        for (int i = 0; i < labels; i++) {
            names[i] = String.format(Locale.ROOT, "page-%05d", i);
        }
        List<AttributionPath> paths = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            int length = 1;
            while (length < 40 && random.nextDouble() < 0.85) {
                length++;
            }
            String[] steps = new String[length];
            int label = zipf(random, labels);
            for (int i = 0; i < length; i++) {
                steps[i] = names[label];
                double pick = random.nextDouble() * total;
                int k = 0;
                while (cumulative[k] < pick) {
                    k++;
                }
                label = random.nextInt(10) == 0 ? zipf(random, labels) : next[label][k];
            }
            boolean converted = random.nextDouble() < 0.02 + 0.01 * length;
            paths.add(AttributionPath.untimed(steps, converted, converted ? 50 : 0, 1));
        }
        return paths;
    }

    /** A label with probability about proportional to 1 / (rank + 1). */
    private static int zipf(Random random, int labels) {
        return (int) Math.min(labels - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(labels + 1.0)) - 1));
    }
}
