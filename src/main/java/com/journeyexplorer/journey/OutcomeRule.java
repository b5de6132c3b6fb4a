package com.journeyexplorer.journey;

import java.util.List;

/**
 * The outcome of a journey: PURCHASE if it contains a purchase event, else DIVERTED if it ends on a competitor
 * touchpoint, else ABANDONED.
 */
public final class OutcomeRule {

    private OutcomeRule() {
    }

    /** Index of the first purchase event, or -1. */
    public static int firstPurchase(byte[] types) {
        for (int i = 0; i < types.length; i++) {
            if (types[i] == EventType.PURCHASE.code()) {
                return i;
            }
        }
        return -1;
    }

    public static Outcome outcomeOf(int[] steps, byte[] types, List<Touchpoint> touchpoints) {
        if (firstPurchase(types) >= 0) {
            return Outcome.PURCHASE;
        }
        Touchpoint last = touchpoints.get(steps[steps.length - 1]);
        return last.isCompetitor() ? Outcome.DIVERTED : Outcome.ABANDONED;
    }
}
