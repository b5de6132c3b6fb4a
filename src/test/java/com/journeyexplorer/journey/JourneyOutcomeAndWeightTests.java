package com.journeyexplorer.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The outcome is held beside the purchase index in one field, and the weight in the shared details. */
class JourneyOutcomeAndWeightTests {

    private static Journey journey(int length, Outcome outcome, int purchaseIndex, int weight) {
        return new Journey("j-1", "c-1", new int[length], new long[0], new byte[length], null, outcome, purchaseIndex,
                12.5, weight, "loyal", "mobile", Map.of());
    }

    @Test
    void givesBackEveryOutcomeWithEveryPurchaseIndex() {
        for (Outcome outcome : Outcome.values()) {
            for (int purchaseIndex : new int[] {-1, 0, 1, 6, 99_999}) {
                Journey journey = journey(100_000, outcome, purchaseIndex, 1);
                assertThat(journey.outcome()).isEqualTo(outcome);
                assertThat(journey.purchaseIndex()).isEqualTo(purchaseIndex);
                assertThat(journey.pathLength()).isEqualTo(purchaseIndex >= 0 ? purchaseIndex + 1 : 100_000);
            }
        }
    }

    @Test
    void keepsThePurchaseIndexWhenTheOutcomeChanges() {
        Journey open = journey(4, Outcome.OPEN, -1, 1);
        Journey abandoned = open.withOutcome(Outcome.ABANDONED);
        assertThat(abandoned.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(abandoned.purchaseIndex()).isEqualTo(-1);
        assertThat(open.withOutcome(Outcome.OPEN)).isSameAs(open);

        Journey purchased = journey(4, Outcome.PURCHASE, 2, 1);
        assertThat(purchased.withOutcome(Outcome.OPEN).purchaseIndex()).isEqualTo(2);
        assertThat(purchased.value()).isEqualTo(12.5);
    }

    @Test
    void holdsTheWeightInTheDetailsSharedByJourneysOfTheSameWeight() {
        Journey single = journey(2, Outcome.ABANDONED, -1, 1);
        Journey aggregated = journey(2, Outcome.ABANDONED, -1, 40);
        assertThat(single.weight()).isEqualTo(1);
        assertThat(aggregated.weight()).isEqualTo(40);
        assertThat(aggregated.segment()).isEqualTo("loyal");
        assertThat(aggregated.device()).isEqualTo("mobile");

        SharedJourneyParts shared = new SharedJourneyParts();
        assertThat(shared.share(journey(3, Outcome.ABANDONED, -1, 40)).details())
                .isSameAs(shared.share(aggregated).details()).isNotSameAs(shared.share(single).details());
        assertThat(new Journey("j", null, new int[] {0}, new long[0], new byte[1], null, Outcome.ABANDONED, -1, 0, 1,
                null, null, Map.of()).details()).as("weight 1 and nothing else").isSameAs(Journey.Details.NONE);
        assertThatThrownBy(() -> journey(2, Outcome.ABANDONED, -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight");
    }
}
