package com.journeyexplorer.demo;

import java.util.List;

/**
 * {@link StoreMap} reweighted for every persona, with and without the influencer effect, and with and without the
 * option to leave (a journey has at least two events). Built once; sampling a step is a scan of at most a dozen
 * cumulative weights.
 */
final class TransitionTables {

    /** Sampled instead of a touchpoint when the journey ends. */
    static final int LEAVE = -1;

    /** How much less a trend follower who saw the influencer post gives up or wanders off to a competitor. */
    private static final double INFLUENCED_LEAVE = 0.3;
    private static final double INFLUENCED_COMPETITOR = 0.35;
    private static final double INFLUENCED_PURCHASE_STEP = 1.4;

    private static final int TOUCHPOINTS = StoreTouchpoint.ALL.length;

    private final int[][] targets = new int[Persona.ALL.length * 4 * TOUCHPOINTS][];
    private final double[][] cumulative = new double[targets.length][];

    TransitionTables() {
        for (Persona persona : Persona.ALL) {
            for (int variant = 0; variant < 4; variant++) {
                boolean influenced = (variant & 1) != 0;
                boolean mayLeave = (variant & 2) == 0;
                for (StoreTouchpoint from : StoreTouchpoint.ALL) {
                    fill(index(persona, influenced, mayLeave, from), StoreMap.NEXT.get(from), persona, influenced,
                            mayLeave);
                }
            }
        }
    }

    /**
     * The next touchpoint's ordinal, or {@link #LEAVE}.
     *
     * @param influenced the persona is moved by the influencer post and has seen it
     * @param mayLeave   false for the first event, so no journey has a single event
     */
    int next(Persona persona, boolean influenced, boolean mayLeave, StoreTouchpoint from, SplitMix64 random) {
        int row = index(persona, influenced, mayLeave, from);
        double[] weights = cumulative[row];
        double u = random.nextDouble() * weights[weights.length - 1];
        int i = 0;
        while (u >= weights[i] && i < weights.length - 1) {
            i++;
        }
        return targets[row][i];
    }

    private static int index(Persona persona, boolean influenced, boolean mayLeave, StoreTouchpoint from) {
        int variant = (influenced ? 1 : 0) | (mayLeave ? 0 : 2);
        return (persona.ordinal() * 4 + variant) * TOUCHPOINTS + from.ordinal();
    }

    private void fill(int row, List<StoreMap.Step> steps, Persona persona, boolean influenced, boolean mayLeave) {
        int[] to = new int[steps.size()];
        double[] sums = new double[steps.size()];
        double sum = 0;
        for (int i = 0; i < steps.size(); i++) {
            StoreMap.Step step = steps.get(i);
            double weight = step.weight();
            if (step.to() == null) {
                to[i] = LEAVE;
                weight *= mayLeave ? persona.exitFactor * (influenced ? INFLUENCED_LEAVE : 1) : 0;
            } else {
                to[i] = step.to().ordinal();
                weight *= persona.channelFactor(step.to().channel);
                if (influenced && step.to().isCompetitor()) {
                    weight *= INFLUENCED_COMPETITOR;
                } else if (influenced && "purchase".equals(step.to().stage)) {
                    weight *= INFLUENCED_PURCHASE_STEP;
                }
            }
            sum += weight;
            sums[i] = sum;
        }
        if (sum <= 0) {
            // Only the post-purchase rows, which have nowhere to go but out; never sampled before a purchase.
            sums[0] = 1;
        }
        targets[row] = to;
        cumulative[row] = sums;
    }
}
