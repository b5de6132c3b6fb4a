package com.journeyexplorer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.journeyexplorer.demo.GeneratedJourneys.Abandonment;
import com.journeyexplorer.demo.GeneratedJourneys.Diversion;
import com.journeyexplorer.demo.GeneratedJourneys.Journey;

/** The three stories the analyses are meant to find, measured on 20,000 generated journeys. */
class PlantedStoriesTests {

    private static final String SHIPPING = "Checkout - shipping costs";
    private static final String SLOW_EMAIL = "Support email - slow answer";
    private static final String INFLUENCER = "Influencer post";

    private static GeneratedJourneys generated;

    @BeforeAll
    static void generate() {
        generated = GeneratedJourneys.of(42, 20_000);
    }

    @Test
    void shippingCostsAtCheckoutLoseTheMostJourneysToAbandonment() {
        List<Abandonment> busy = generated.abandonments(0.05);

        assertThat(busy).hasSizeGreaterThan(5);
        Abandonment shipping = busy.get(0);
        assertThat(shipping.touchpoint()).isEqualTo(SHIPPING);
        assertThat(shipping.exits()).isGreaterThan((int) (1.2 * busy.get(1).exits()));
        Abandonment nextByRate = busy.stream().filter(a -> a != shipping)
                .max(Comparator.comparingDouble(Abandonment::rate)).orElseThrow();
        assertThat(shipping.rate()).isGreaterThan(1.3 * nextByRate.rate());
    }

    @Test
    void theSlowSupportEmailSendsCustomersToCompetitors() {
        List<Diversion> byRate = generated.diversions();
        List<Diversion> byJourneysLost = byRate.stream()
                .sorted(Comparator.comparingInt(Diversion::journeysLost).reversed()).toList();

        Diversion top = byRate.get(0);
        assertThat(top.from()).isEqualTo(SLOW_EMAIL);
        assertThat(top.rate()).isGreaterThan(1.5 * byRate.stream()
                .filter(d -> !d.from().equals(SLOW_EMAIL)).findFirst().orElseThrow().rate());
        assertThat(byJourneysLost.subList(0, 3)).anyMatch(d -> d.from().equals(SLOW_EMAIL));
    }

    @Test
    void theInfluencerPostMakesTrendFollowersBuyAndBarelyMovesOthers() {
        assertThat(influencerLift("trend follower")).isGreaterThanOrEqualTo(2.0);
        for (String other : List.of("bargain hunter", "loyal customer", "gift buyer")) {
            assertThat(influencerLift(other)).as(other).isBetween(0.67, 1.5);
        }
    }

    /** Purchase rate of the persona's journeys that saw the influencer post over that of those that did not. */
    private static double influencerLift(String segment) {
        List<Journey> saw = generated.where(j -> j.segment().equals(segment) && j.visits(INFLUENCER));
        List<Journey> didNot = generated.where(j -> j.segment().equals(segment) && !j.visits(INFLUENCER));
        assertThat(saw).as(segment).hasSizeGreaterThan(200);
        return GeneratedJourneys.purchaseRate(saw) / GeneratedJourneys.purchaseRate(didNot);
    }
}
