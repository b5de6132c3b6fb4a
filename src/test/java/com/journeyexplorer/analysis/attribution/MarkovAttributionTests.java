package com.journeyexplorer.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class MarkovAttributionTests {

    private static final double EXACT = 1e-12;

    static AttributionPath path(String steps, boolean converted, long weight) {
        return AttributionPath.untimed(steps.split(" > "), converted, converted ? weight : 0, weight);
    }

    /** ChannelAttribution's worked example: three converting journeys. */
    static List<AttributionPath> workedExample() {
        return List.of(path("A > B > A > B > B > A", true, 1), path("A > B > B > A > A", true, 1),
                path("A > A", true, 1));
    }

    private static Map<String, Double> probabilities(MarkovChain chain) {
        return chain.transitions().stream()
                .collect(Collectors.toMap(t -> t.from() + "->" + t.to(), MarkovChain.Transition::probability));
    }

    @Test
    void reproducesChannelAttributionWorkedExampleExactly() {
        MarkovChain chain = new MarkovAttribution(1).fit(workedExample());

        assertThat(probabilities(chain)).hasSize(6);
        assertThat(probabilities(chain).get("(start)->A")).isCloseTo(1.0, within(EXACT));
        assertThat(probabilities(chain).get("A->A")).isCloseTo(2.0 / 8, within(EXACT));
        assertThat(probabilities(chain).get("A->B")).isCloseTo(3.0 / 8, within(EXACT));
        assertThat(probabilities(chain).get("A->(conversion)")).isCloseTo(3.0 / 8, within(EXACT));
        assertThat(probabilities(chain).get("B->A")).isCloseTo(3.0 / 5, within(EXACT));
        assertThat(probabilities(chain).get("B->B")).isCloseTo(2.0 / 5, within(EXACT));
        assertThat(chain.conversionProbability()).isCloseTo(1.0, within(EXACT));
        assertThat(chain.removalEffects().get("A")).isCloseTo(1.0, within(EXACT));
        assertThat(chain.removalEffects().get("B")).isCloseTo(0.5, within(EXACT));

        Attribution attribution = MarkovAttribution.attribution(chain);
        assertThat(attribution.totalConversions()).isEqualTo(3);
        assertThat(attribution.conversions("A")).isCloseTo(2.0, within(EXACT));
        assertThat(attribution.conversions("B")).isCloseTo(1.0, within(EXACT));
        assertThat(attribution.value("A")).isCloseTo(2.0, within(EXACT));
        assertThat(attribution.value("B")).isCloseTo(1.0, within(EXACT));
    }

    @Test
    void collapsingRepeatsAsCurrentChannelAttributionDoesDropsSelfLoops() {
        // collapsed paths: A>B>A>B>A, A>B>A, A: A->B 3/6, A->conv 3/6, B->A 1
        MarkovChain chain = new MarkovAttribution(1, true).fit(workedExample());
        assertThat(probabilities(chain)).containsOnlyKeys("(start)->A", "A->B", "A->(conversion)", "B->A");
        assertThat(probabilities(chain).get("A->B")).isCloseTo(0.5, within(EXACT));
        // without B: x_A = 1/2, so the removal effect is still 1/2
        assertThat(chain.removalEffect(Set.of("B"))).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void collapsingRepeatsAtSecondOrderFormsTheWindowsFromTheMergedPath() {
        // "X > A > A > B" conv x1, "Y > A > A > D" null x1.
        // kept: (start) -> X,A | Y,A -> A,A -> A,B (conv) | A,D (null): A,A forgets X and Y, P = 1/2.
        //   without X: P = 1/2 * 1/2 = 1/4, effect 1/2; Y likewise; A and B 1; D 0. Sum 3: X = Y = 1/6.
        // collapsed: X > A > B and Y > A > D: (start) -> X,A -> A,B (conv), (start) -> Y,A -> A,D (null).
        //   without X: P = 0, effect 1; without Y: effect 0; A and B 1. Sum 3: X = 1/3, Y = 0.
        List<AttributionPath> paths = List.of(path("X > A > A > B", true, 1), path("Y > A > A > D", false, 1));
        MarkovChain kept = new MarkovAttribution(2).fit(paths);
        MarkovChain collapsed = new MarkovAttribution(2, true).fit(paths);

        assertThat(probabilities(kept)).containsKeys("X,A->A,A", "A,A->A,B");
        assertThat(probabilities(collapsed)).containsOnlyKeys("(start)->X,A", "(start)->Y,A", "X,A->A,B",
                "Y,A->A,D", "A,B->(conversion)", "A,D->(null)");
        assertThat(kept.conversionProbability()).isCloseTo(0.5, within(EXACT));
        assertThat(collapsed.conversionProbability()).isCloseTo(0.5, within(EXACT));
        assertThat(kept.removalEffect(Set.of("X"))).isCloseTo(0.5, within(EXACT));
        assertThat(collapsed.removalEffect(Set.of("X"))).isCloseTo(1, within(EXACT));
        assertThat(collapsed.removalEffect(Set.of("Y"))).isCloseTo(0, within(EXACT));
        assertThat(MarkovAttribution.attribution(kept).conversions("X")).isCloseTo(1.0 / 6, within(EXACT));
        assertThat(MarkovAttribution.attribution(collapsed).conversions("X")).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(MarkovAttribution.attribution(collapsed).conversions("Y")).isCloseTo(0, within(EXACT));
    }

    @Test
    void collapsingRepeatsAtFirstOrderLeavesTheCreditsAsTheyAre() {
        // dropping a self-loop scales the rest of its row alike, so no absorption probability changes
        Attribution kept = new MarkovAttribution(1).attribute(workedExample());
        Attribution collapsed = new MarkovAttribution(1, true).attribute(workedExample());
        assertThat(collapsed.conversions("A")).isCloseTo(kept.conversions("A"), within(EXACT));
        assertThat(collapsed.conversions("B")).isCloseTo(kept.conversions("B"), within(EXACT));
    }

    @Test
    void nonConvertingPathsAreAbsorbedInNull() {
        // A > B conv x1, A > null x1, B > null x2.
        // start->A 2/4, start->B 2/4; A->B 1/2, A->null 1/2; B->conv 1/3, B->null 2/3.
        // x_B = 1/3; x_A = 1/2 * 1/3 = 1/6; P = 1/2 * 1/6 + 1/2 * 1/3 = 1/4.
        // without A: P = 1/2 * 1/3 = 1/6, effect (1/4 - 1/6) / (1/4) = 1/3; without B: 0, effect 1.
        // attribution of the 1 conversion: A = (1/3) / (4/3) = 1/4, B = 3/4.
        List<AttributionPath> paths = List.of(path("A > B", true, 1), path("A", false, 1), path("B", false, 2));
        MarkovChain chain = new MarkovAttribution(1).fit(paths);
        assertThat(chain.conversionProbability()).isCloseTo(0.25, within(EXACT));
        assertThat(chain.removalEffect(Set.of("A"))).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(chain.removalEffect(Set.of("B"))).isCloseTo(1.0, within(EXACT));
        Attribution attribution = new MarkovAttribution(1).attribute(paths);
        assertThat(attribution.conversions("A")).isCloseTo(0.25, within(EXACT));
        assertThat(attribution.conversions("B")).isCloseTo(0.75, within(EXACT));
    }

    @Test
    void secondOrderStatesAreWindowsOfTwoLabels() {
        // order 2: "A > B > C" conv x1 -> (start) -> A,B -> B,C -> conv
        //          "C > B > A" null x1 -> (start) -> C,B -> B,A -> null
        //          "A > B > A" conv x2 -> (start) -> A,B -> B,A -> conv
        //          "B" conv x1          -> (start) -> B -> conv (shorter than the order: one state)
        // start: A,B 3/5, C,B 1/5, B 1/5. A,B: B,C 1/3, B,A 2/3. B,A: conv 2/3, null 1/3. B,C: conv 1. C,B: B,A 1.
        // x(B,A) = 2/3; x(A,B) = 1/3 + 2/3 * 2/3 = 7/9; x(C,B) = 2/3; x(B) = 1.
        // P = 3/5 * 7/9 + 1/5 * 2/3 + 1/5 = 7/15 + 2/15 + 3/15 = 12/15 = 4/5.
        // without C (states B,C and C,B go): x(A,B) = 4/9, P = 3/5 * 4/9 + 1/5 = 4/15 + 3/15 = 7/15; effect 5/12.
        // without A (A,B and B,A go): P = 1/5 (only "B"); effect 3/4.
        // without B: every state contains B: P = 0, effect 1.
        // without {A, C}: P = 1/5, effect 3/4.
        List<AttributionPath> paths = List.of(path("A > B > C", true, 1), path("C > B > A", false, 1),
                path("A > B > A", true, 2), path("B", true, 1));
        MarkovChain chain = new MarkovAttribution(2).fit(paths);
        assertThat(chain.transientStateCount()).isEqualTo(6);
        assertThat(probabilities(chain)).containsKeys("(start)->A,B", "A,B->B,C", "B,C->(conversion)", "(start)->B");
        assertThat(chain.conversionProbability()).isCloseTo(0.8, within(EXACT));
        assertThat(chain.removalEffect(Set.of("C"))).isCloseTo(5.0 / 12, within(EXACT));
        assertThat(chain.removalEffect(Set.of("A"))).isCloseTo(0.75, within(EXACT));
        assertThat(chain.removalEffect(Set.of("B"))).isCloseTo(1.0, within(EXACT));
        assertThat(chain.removalEffect(Set.of("A", "C"))).isCloseTo(0.75, within(EXACT));

        // 4 conversions shared 3/4 : 1 : 5/12 (sum 13/6): A = 4 * 9/26, B = 4 * 12/26, C = 4 * 5/26
        Attribution attribution = MarkovAttribution.attribution(chain);
        assertThat(attribution.conversions("A")).isCloseTo(36.0 / 26, within(EXACT));
        assertThat(attribution.conversions("B")).isCloseTo(48.0 / 26, within(EXACT));
        assertThat(attribution.conversions("C")).isCloseTo(20.0 / 26, within(EXACT));
    }

    @Test
    void thirdOrderChainWithSelfLoop() {
        // order 3: "A > A > A > A > B" conv x1 -> (start) -> AAA -> AAA -> AAB -> conv
        //          "A > A > A" null x1          -> (start) -> AAA -> null
        // start -> AAA 1. AAA: AAA 1/3, AAB 1/3, null 1/3. AAB: conv 1.
        // x(AAA) = 1/3 x(AAA) + 1/3 -> x = 1/2 = P. Without B: 0, effect 1. Without A: 0, effect 1.
        List<AttributionPath> paths = List.of(path("A > A > A > A > B", true, 1), path("A > A > A", false, 1));
        MarkovChain chain = new MarkovAttribution(3).fit(paths);
        assertThat(probabilities(chain).get("A,A,A->A,A,A")).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(chain.conversionProbability()).isCloseTo(0.5, within(EXACT));
        assertThat(chain.removalEffects()).containsOnlyKeys("A", "B");
        Attribution attribution = MarkovAttribution.attribution(chain);
        assertThat(attribution.conversions("A")).isCloseTo(0.5, within(EXACT));
        assertThat(attribution.conversions("B")).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void removingASetTakesItsLabelsOutTogether() {
        // A > C conv, B > C conv: removing A leaves 1/2, removing B leaves 1/2, removing both leaves 0.
        List<AttributionPath> paths = List.of(path("A > C", true, 1), path("B > C", true, 1));
        MarkovChain chain = new MarkovAttribution(1).fit(paths);
        assertThat(chain.removalEffect(Set.of("A"))).isCloseTo(0.5, within(EXACT));
        assertThat(chain.removalEffect(Set.of("A", "B"))).isCloseTo(1.0, within(EXACT));
        assertThat(chain.removalEffect(Set.of())).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> chain.removalEffect(Set.of("Z")));
    }

    @Test
    void rejectsOrderOutsideOneToFour() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MarkovAttribution(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new MarkovAttribution(5));
    }

    @Test
    void isBitwiseDeterministicAndIndependentOfInputOrder() {
        Random random = new Random(42);
        String[] labels = {"alpha", "beta", "gamma", "delta", "eps"};
        List<AttributionPath> paths = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int length = 1 + random.nextInt(6);
            String[] steps = new String[length];
            for (int j = 0; j < length; j++) {
                steps[j] = labels[random.nextInt(labels.length)];
            }
            boolean converted = random.nextInt(3) == 0;
            long weight = 1 + random.nextInt(5);
            paths.add(AttributionPath.untimed(steps, converted, converted ? random.nextDouble() * 100 : 0, weight));
        }
        List<AttributionPath> shuffled = new ArrayList<>(paths);
        Collections.shuffle(shuffled, new Random(7));
        for (int order = 1; order <= 4; order++) {
            Attribution first = new MarkovAttribution(order).attribute(paths);
            Attribution again = new MarkovAttribution(order).attribute(paths);
            Attribution reordered = new MarkovAttribution(order).attribute(shuffled);
            assertThat(again).isEqualTo(first);
            assertThat(reordered).isEqualTo(first);
            double sum = first.credits().stream().mapToDouble(Attribution.Credit::conversions).sum();
            assertThat(sum).isCloseTo(first.totalConversions(), within(1e-9));
        }
        for (AttributionModel model : List.of(new FirstTouch(), new LastTouch(), new LinearTouch(),
                new PositionBased(), new TimeDecay(2))) {
            assertThat(model.attribute(shuffled)).isEqualTo(model.attribute(paths));
        }
    }
}
