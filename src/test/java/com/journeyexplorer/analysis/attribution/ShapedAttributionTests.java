package com.journeyexplorer.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.PathShaping.Group;
import com.journeyexplorer.analysis.PathShaping.Level;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Attribution to stages and to groups of touchpoints, on four journeys whose credits are worked out by hand below
 * (fractions in the comments): the same labels as path shaping gives, the heuristic and the Markov models.
 */
class ShapedAttributionTests {

    private static final byte T = EventType.TOUCHPOINT.code();
    private static final byte P = EventType.PURCHASE.code();

    private static final List<Touchpoint> TOUCHPOINTS = List.of(
            new Touchpoint(0, "Search ad", "paid", "awareness", Owner.OWN),
            new Touchpoint(1, "Social ad", "paid", "awareness", Owner.OWN),
            new Touchpoint(2, "Product 1", "web", "consideration", Owner.OWN),
            new Touchpoint(3, "Product 2", "web", "consideration", Owner.OWN),
            new Touchpoint(4, "Newsletter", "email", "", Owner.OWN),
            new Touchpoint(5, "Checkout", "web", "purchase", Owner.OWN));

    // Search ad > Product 1 > Product 2 > Checkout (purchase), x2, value 100 in all
    private static final Journey J1 = new Journey("j1", null, new int[] {0, 2, 3, 5}, new long[0],
            new byte[] {T, T, T, P}, null, Outcome.PURCHASE, 3, 100, 2, null, null, null);
    // Social ad > Newsletter > Product 2 > Checkout (purchase), x1, value 30
    private static final Journey J2 = new Journey("j2", null, new int[] {1, 4, 3, 5}, new long[0],
            new byte[] {T, T, T, P}, null, Outcome.PURCHASE, 3, 30, 1, null, null, null);
    // Social ad > Product 1, x3
    private static final Journey J3 = new Journey("j3", null, new int[] {1, 2}, new long[0], new byte[] {T, T},
            null, Outcome.ABANDONED, -1, 0, 3, null, null, null);
    // Newsletter, x1
    private static final Journey J4 = new Journey("j4", null, new int[] {4}, new long[0], new byte[] {T}, null,
            Outcome.ABANDONED, -1, 0, 1, null, null, null);

    private static final List<Journey> JOURNEYS = List.of(J1, J2, J3, J4);
    private static final JourneySnapshot SNAPSHOT = new JourneySnapshot(TOUCHPOINTS, JOURNEYS, 1);

    /** Stages; Newsletter has none and keeps its name. */
    private static final TouchpointLabels STAGES = TouchpointLabels.of(SNAPSHOT,
            new PathShaping(Level.STAGE, false, null, null));
    /** Touchpoints, with Social ad and Newsletter credited together. */
    private static final TouchpointLabels GROUPED = TouchpointLabels.of(SNAPSHOT, new PathShaping(Level.TOUCHPOINT,
            false, null, List.of(new Group("Ads and mail", Pattern.compile("Social ad|Newsletter")))));

    private static final double EXACT = 1e-12;

    @Test
    void journeysBecomeThePathsOfTheirLabels() {
        assertThat(JOURNEYS.stream().map(journey -> AttributionPath.of(journey, STAGES)).toList()).containsExactly(
                AttributionPath.untimed(new String[] {"awareness", "consideration", "consideration"}, true, 100, 2),
                AttributionPath.untimed(new String[] {"awareness", "Newsletter", "consideration"}, true, 30, 1),
                AttributionPath.untimed(new String[] {"awareness", "consideration"}, false, 0, 3),
                AttributionPath.untimed(new String[] {"Newsletter"}, false, 0, 1));
        assertThat(JOURNEYS.stream().map(journey -> AttributionPath.of(journey, GROUPED)).toList()).containsExactly(
                AttributionPath.untimed(new String[] {"Search ad", "Product 1", "Product 2"}, true, 100, 2),
                AttributionPath.untimed(new String[] {"Ads and mail", "Ads and mail", "Product 2"}, true, 30, 1),
                AttributionPath.untimed(new String[] {"Ads and mail", "Product 1"}, false, 0, 3),
                AttributionPath.untimed(new String[] {"Ads and mail"}, false, 0, 1));
    }

    @Test
    void heuristicModelsCreditStages() {
        // linear: j1 gives 2/3 to awareness and 4/3 to consideration (value 100/3, 200/3); j2 1/3 to each (10 each)
        Attribution linear = new LinearTouch().attribute(STAGES, JOURNEYS);
        assertCredits(linear, Map.of("awareness", new double[] {1, 130.0 / 3},
                "consideration", new double[] {5.0 / 3, 230.0 / 3}, "Newsletter", new double[] {1.0 / 3, 10}));
        assertThat(linear.totalConversions()).isEqualTo(3);
        assertThat(linear.totalValue()).isEqualTo(130);
        // every converting path starts with an ad, so first touch gives awareness all
        assertCredits(new FirstTouch().attribute(STAGES, JOURNEYS), Map.of("awareness", new double[] {3, 130}));
    }

    @Test
    void heuristicModelsCreditGroups() {
        // linear: j1 gives 2/3 to each of its three touchpoints (value 100/3 each); j2 2/3 to the group (20) and
        // 1/3 to Product 2 (10)
        assertCredits(new LinearTouch().attribute(GROUPED, JOURNEYS), Map.of("Search ad", new double[] {2.0 / 3,
                100.0 / 3}, "Product 1", new double[] {2.0 / 3, 100.0 / 3}, "Product 2", new double[] {1, 130.0 / 3},
                "Ads and mail", new double[] {2.0 / 3, 20}));
        // last touch: Product 2 ends both converting paths
        assertCredits(new LastTouch().attribute(GROUPED, JOURNEYS), Map.of("Product 2", new double[] {3, 130}));
    }

    @Test
    void markovRemovalEffectsOfStages() {
        // Chain (a = awareness, c = consideration, n = Newsletter): start -> a 6/7, n 1/7; a -> c 5/6, n 1/6;
        // c -> c 2/8, conversion 3/8, null 3/8; n -> c 1/2, null 1/2. P(c) = (3/8) / (6/8) = 1/2, P(n) = 1/4,
        // P(a) = 5/12 + 1/24 = 11/24, P = 6/7 · 11/24 + 1/7 · 1/4 = 3/7.
        // Without a: P = 1/28, effect 11/12. Without c: 0, effect 1. Without n: P = 6/7 · 5/12 = 5/14, effect 1/6.
        // Effects sum to 25/12: credits 3 · (11, 12, 2) / 25, values 130 · (11, 12, 2) / 25.
        MarkovChain chain = new MarkovAttribution(1).fit(STAGES, JOURNEYS);
        assertThat(chain.labels()).containsExactly("Newsletter", "awareness", "consideration");
        assertThat(chain.conversionProbability()).isCloseTo(3.0 / 7, within(EXACT));
        Map<String, Double> effects = chain.removalEffects();
        assertThat(effects.get("awareness")).isCloseTo(11.0 / 12, within(EXACT));
        assertThat(effects.get("consideration")).isCloseTo(1, within(EXACT));
        assertThat(effects.get("Newsletter")).isCloseTo(1.0 / 6, within(EXACT));
        assertCredits(new MarkovAttribution(1).attribute(STAGES, JOURNEYS), Map.of(
                "awareness", new double[] {33.0 / 25, 130.0 * 11 / 25},
                "consideration", new double[] {36.0 / 25, 130.0 * 12 / 25},
                "Newsletter", new double[] {6.0 / 25, 130.0 * 2 / 25}));
    }

    @Test
    void markovRemovalEffectsOfGroups() {
        // Chain (s = Search ad, p1, p2 = Product 1, 2, g = Ads and mail): start -> s 2/7, g 5/7; s -> p1 1;
        // p1 -> p2 2/5, null 3/5; p2 -> conversion 1; g -> g 1/6, p2 1/6, p1 3/6, null 1/6.
        // P(p2) = 1, P(p1) = P(s) = 2/5, P(g) = (1/6 + 3/6 · 2/5) / (5/6) = 11/25, P = 2/7 · 2/5 + 5/7 · 11/25 = 3/7.
        // Without s: P = 11/35, effect 4/15. Without p1: P(g) = 1/5, P = 1/7, effect 2/3. Without p2: effect 1.
        // Without g: P = 4/35, effect 11/15. Effects sum to 8/3: shares 0.1, 0.25, 0.375, 0.275 of 3 and of 130.
        MarkovChain chain = new MarkovAttribution(1).fit(GROUPED, JOURNEYS);
        assertThat(chain.conversionProbability()).isCloseTo(3.0 / 7, within(EXACT));
        Map<String, Double> effects = chain.removalEffects();
        assertThat(effects.get("Search ad")).isCloseTo(4.0 / 15, within(EXACT));
        assertThat(effects.get("Product 1")).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(effects.get("Product 2")).isCloseTo(1, within(EXACT));
        assertThat(effects.get("Ads and mail")).isCloseTo(11.0 / 15, within(EXACT));
        assertCredits(new MarkovAttribution(1).attribute(GROUPED, JOURNEYS), Map.of(
                "Search ad", new double[] {0.3, 13}, "Product 1", new double[] {0.75, 32.5},
                "Product 2", new double[] {1.125, 48.75}, "Ads and mail", new double[] {0.825, 35.75}));
        // collapsing repeats merges g > g: g -> p2 1/5, p1 3/5, null 1/5, so P(g) = 1/5 + 3/5 · 2/5 = 11/25 again
        assertThat(new MarkovAttribution(1, true).fit(GROUPED, JOURNEYS).conversionProbability())
                .isCloseTo(3.0 / 7, within(EXACT));
    }

    /** Exactly the labels of {@code expected}, each with its {conversions, value}. */
    private static void assertCredits(Attribution attribution, Map<String, double[]> expected) {
        assertThat(attribution.credits()).extracting(Attribution.Credit::label)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((label, credit) -> {
            assertThat(attribution.conversions(label)).as(label).isCloseTo(credit[0], within(EXACT));
            assertThat(attribution.value(label)).as(label).isCloseTo(credit[1], within(EXACT));
        });
    }
}
