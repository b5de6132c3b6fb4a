package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TransitionGraphTests {

    /** ChannelAttribution's worked example, the conversion being a purchase touchpoint after the last step. */
    private final JourneySnapshot vignette = JourneyFixture.snapshot(
            "A>B>A>B>B>A>buy!", "A>B>B>A>A>buy!", "A>A>buy!");

    @Test
    void reproducesThePublishedTransitionProbabilities() {
        TransitionGraph graph = TransitionGraph.of(vignette, JourneySelection.all(), PathShaping.touchpoints());

        assertThat(graph.edge("A", "A").orElseThrow().probability()).isCloseTo(2 / 8.0, within(1e-12));
        assertThat(graph.edge("A", "B").orElseThrow().probability()).isCloseTo(3 / 8.0, within(1e-12));
        assertThat(graph.edge("A", "buy").orElseThrow().probability()).isCloseTo(3 / 8.0, within(1e-12));
        assertThat(graph.edge("B", "A").orElseThrow().probability()).isCloseTo(3 / 5.0, within(1e-12));
        assertThat(graph.edge("B", "B").orElseThrow().count()).isEqualTo(2);
        assertThat(graph.edge("buy", "(purchase)").orElseThrow().probability()).isEqualTo(1.0);
        assertThat(graph.edge(TransitionGraph.START, "A").orElseThrow().journeys()).isEqualTo(3);
        assertThat(graph.graph().getEdgeWeight(graph.edge("A", "B").orElseThrow()))
                .isCloseTo(-Math.log(3 / 8.0), within(1e-12));
    }

    @Test
    void countsJourneysOncePerEdgeAndTimesTheGaps() {
        TransitionGraph graph = TransitionGraph.of(JourneyFixture.snapshot("A@0>B@10>A@20>B@60", "A@0>B@30"),
                JourneySelection.all(), PathShaping.touchpoints());

        TransitionEdge ab = graph.edge("A", "B").orElseThrow();
        assertThat(ab.count()).isEqualTo(3);
        assertThat(ab.journeys()).isEqualTo(2);
        assertThat(ab.timing().samples()).isEqualTo(3);
        assertThat(ab.timing().medianSeconds()).isEqualTo(30.0);
        assertThat(ab.timing().p90Seconds()).isEqualTo(40.0);
        assertThat(graph.edge(TransitionGraph.START, "A").orElseThrow().timing().isEmpty()).isTrue();
        assertThat(graph.edge("B", "(abandoned)").orElseThrow().count()).isEqualTo(2);
    }

    @Test
    void transitionStatsListTheSameEdges() {
        TransitionStats stats = TransitionStats.of(vignette, JourneySelection.all(), PathShaping.touchpoints(), true);

        assertThat(stats.journeys()).isEqualTo(3);
        assertThat(stats.transitions()).hasSize(7);
        assertThat(stats.transitions().get(0).from()).isEqualTo(TransitionGraph.START);
        assertThat(stats.transitions()).filteredOn(t -> t.from().equals("A")).extracting(TransitionStats.Transition::to)
                .containsExactly("B", "buy", "A");
    }

    @Test
    void probabilitiesLeavingEachNodeSumToOneOnRandomJourneys() {
        for (long seed = 1; seed <= 30; seed++) {
            JourneySnapshot random = JourneyFixture.random(seed, 40);
            TransitionGraph graph = TransitionGraph.of(random, JourneySelection.all(),
                    new PathShaping(PathShaping.Level.TOUCHPOINT, seed % 2 == 0, null, null));
            Map<String, Double> sums = new HashMap<>();
            Map<String, Long> in = new HashMap<>();
            Map<String, Long> out = new HashMap<>();
            for (TransitionEdge edge : graph.graph().edgeSet()) {
                sums.merge(edge.from(), edge.probability(), Double::sum);
                out.merge(edge.from(), edge.count(), Long::sum);
                in.merge(edge.to(), edge.count(), Long::sum);
            }
            assertThat(sums).isNotEmpty().allSatisfy((node, sum) -> assertThat(sum).isCloseTo(1.0, within(1e-9)));
            for (Outcome outcome : List.of(Outcome.PURCHASE, Outcome.ABANDONED, Outcome.DIVERTED)) {
                assertThat(graph.graph().outDegreeOf(outcome.nodeName())).isZero();
            }
            assertThat(out.get(TransitionGraph.START)).isEqualTo(random.journeyCount());
            out.forEach((node, count) -> {
                if (!node.equals(TransitionGraph.START)) {
                    assertThat(in.get(node)).as("flow through %s", node).isEqualTo(count);
                }
            });
        }
    }

    @Test
    void equalsTheGraphOfShapedLabelListsOnRandomJourneys() {
        for (long seed = 1; seed <= 6; seed++) {
            JourneySnapshot random = JourneyFixture.varied(seed, 300);
            for (JourneySelection selection : PathCrossChecks.selections()) {
                for (PathShaping shaping : PathCrossChecks.shapings()) {
                    for (boolean toFirstPurchase : new boolean[] {true, false}) {
                        ObjectPathAnalyses.Transitions expected = ObjectPathAnalyses.transitions(random, selection,
                                shaping, toFirstPurchase);
                        for (boolean timed : new boolean[] {true, false}) {
                            assertEqualGraphs(TransitionGraph.of(random, selection, shaping.shaper(random),
                                    toFirstPurchase, timed, 2), expected, timed);
                        }
                    }
                }
            }
        }
    }

    @Test
    void leavesOutTimingsOnlyWhenAsked() {
        JourneySnapshot random = JourneyFixture.varied(3, 200);
        PathShaping shaping = new PathShaping(PathShaping.Level.TOUCHPOINT, true, null, null);
        TransitionGraph timed = TransitionGraph.of(random, JourneySelection.all(), shaping);
        TransitionGraph untimed = TransitionGraph.withoutTimings(random, JourneySelection.all(), shaping);

        assertThat(timed.edges()).anySatisfy(edge -> assertThat(edge.timing().isEmpty()).isFalse());
        assertThat(untimed.edges()).allSatisfy(edge -> assertThat(edge.timing()).isEqualTo(DurationStats.NONE));
        assertThat(untimed.edges()).extracting(TransitionEdge::toString)
                .containsExactlyElementsOf(timed.edges().stream().map(TransitionEdge::toString).toList());
    }

    @Test
    void keepsTheUnfilteredGraphWithItsSnapshot() {
        JourneySnapshot random = JourneyFixture.varied(5, 200);
        TransitionGraph first = TransitionGraph.withoutTimings(random, JourneySelection.all(),
                PathShaping.touchpoints());

        assertThat(TransitionGraph.withoutTimings(random, JourneySelection.all(), PathShaping.touchpoints()))
                .isSameAs(first);
        assertThat(TransitionGraph.withoutTimings(random, PathCrossChecks.selections().get(1),
                PathShaping.touchpoints())).isNotSameAs(first);
        assertThat(first.edges()).extracting(TransitionEdge::toString).containsExactlyElementsOf(TransitionGraph
                .of(random, JourneySelection.all(), PathShaping.touchpoints()).edges().stream()
                .map(TransitionEdge::toString).toList());
        JourneySnapshot next = random.withChanges(random.touchpoints(), List.of());
        assertThat(TransitionGraph.withoutTimings(next, JourneySelection.all(), PathShaping.touchpoints()))
                .isNotSameAs(first);
    }

    @Test
    void equalsTheGraphOfShapedLabelListsOnAClickstream() {
        JourneySnapshot clickstream = PathCrossChecks.clickstream();
        for (JourneySelection selection : PathCrossChecks.clickstreamSelections()) {
            for (PathShaping shaping : PathCrossChecks.clickstreamShapings()) {
                for (boolean toFirstPurchase : new boolean[] {true, false}) {
                    ObjectPathAnalyses.Transitions expected = ObjectPathAnalyses.transitions(clickstream, selection,
                            shaping, toFirstPurchase);
                    for (boolean timed : new boolean[] {true, false}) {
                        assertEqualGraphs(TransitionGraph.of(clickstream, selection, shaping.shaper(clickstream),
                                toFirstPurchase, timed, 2), expected, timed);
                    }
                }
            }
        }
    }

    @Test
    void buildsTheSameGraphFromTheStepColumnAsFromTheTallies() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            JourneySnapshot snapshot = each.snapshot();
            for (JourneySelection selection : each.selections()) {
                for (boolean timed : new boolean[] {true, false}) {
                    TransitionGraph fromColumn = timed
                            ? TransitionGraph.of(snapshot, selection, PathShaping.touchpoints())
                            : TransitionGraph.withoutTimings(snapshot, selection, PathShaping.touchpoints());
                    TransitionGraph fromTallies = TransitionGraph.of(snapshot, selection,
                            PathShaping.touchpoints().shaper(snapshot), true, timed, Integer.MAX_VALUE);

                    assertThat(fromColumn.journeys()).isEqualTo(fromTallies.journeys());
                    assertThat(fromColumn.graph().vertexSet())
                            .containsExactlyElementsOf(fromTallies.graph().vertexSet());
                    assertThat(fromColumn.graph().edgeSet()).extracting(TransitionGraphTests::plain)
                            .containsExactlyElementsOf(fromTallies.graph().edgeSet().stream()
                                    .map(TransitionGraphTests::plain).toList());
                    for (TransitionEdge edge : fromColumn.graph().edgeSet()) {
                        assertThat(fromColumn.graph().getEdgeWeight(edge))
                                .isEqualTo(fromTallies.graph().getEdgeWeight(fromTallies.edge(edge.from(), edge.to())
                                        .orElseThrow()));
                    }
                }
            }
        }
    }

    @Test
    void buildsTheSameGraphFromCountsWithPostPurchaseTransitionsAsFromItsOwnCount() {
        for (long seed = 1; seed <= 3; seed++) {
            JourneySnapshot random = JourneyFixture.varied(seed, 300);
            for (JourneySelection selection : PathCrossChecks.selections()) {
                for (PathShaping shaping : PathCrossChecks.shapings()) {
                    TransitionCounts counts = TransitionCounts.of(random, selection, shaping, true);
                    for (boolean timed : new boolean[] {true, false}) {
                        TransitionGraph fromCounts = TransitionGraph.of(counts, timed);
                        TransitionGraph counted = timed ? TransitionGraph.of(random, selection, shaping)
                                : TransitionGraph.withoutTimings(random, selection, shaping);

                        assertThat(fromCounts.journeys()).isEqualTo(counted.journeys());
                        assertThat(fromCounts.graph().vertexSet())
                                .containsExactlyElementsOf(counted.graph().vertexSet());
                        assertThat(fromCounts.graph().edgeSet()).extracting(TransitionEdge::toString)
                                .containsExactlyElementsOf(counted.graph().edgeSet().stream()
                                        .map(TransitionEdge::toString).toList());
                        assertThat(fromCounts.graph().edgeSet()).extracting(TransitionEdge::timing)
                                .containsExactlyElementsOf(counted.graph().edgeSet().stream()
                                        .map(TransitionEdge::timing).toList());
                        assertThat(fromCounts.absorbingChain().nodes()).isEqualTo(counted.absorbingChain().nodes());
                        for (String node : counted.absorbingChain().nodes()) {
                            assertThat(fromCounts.absorbingChain().outcomes(node))
                                    .isEqualTo(counted.absorbingChain().outcomes(node));
                        }
                    }
                }
            }
        }
    }

    @Test
    void countsTwoHalvesExactlyAsOnePass() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            for (JourneySelection selection : each.selections()) {
                for (PathShaping shaping : each.shapings()) {
                    TransitionStats onePass = TransitionStats.of(each.snapshot(), selection, shaping, true,
                            Integer.MAX_VALUE);

                    assertThat(TransitionStats.of(each.snapshot(), selection, shaping, true, 2)).isEqualTo(onePass);
                }
            }
        }
        assertThat(TransitionStats.of(PathCrossChecks.halvesCases().get(0).snapshot(), JourneySelection.all(),
                PathShaping.touchpoints(), true, 2).transitions())
                .anySatisfy(transition -> assertThat(transition.postPurchase()).isTrue())
                .anySatisfy(transition -> assertThat(transition.timing().isEmpty()).isFalse());
    }

    @Test
    void countsThePostPurchaseTransitionsOfTheSelectedJourneysAsOfASnapshotOfThemAlone() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            JourneySnapshot snapshot = each.snapshot();
            for (JourneySelection selection : each.selections()) {
                JourneySnapshot selectedAlone = new JourneySnapshot(snapshot.touchpoints(),
                        selection.select(snapshot), 1);
                for (PathShaping shaping : each.shapings()) {
                    assertThat(TransitionStats.of(snapshot, selection, shaping, true, 2).transitions())
                            .filteredOn(TransitionStats.Transition::postPurchase)
                            .containsExactlyElementsOf(TransitionStats.of(selectedAlone,
                                    JourneySelection.all().withOpen(true), shaping, true, Integer.MAX_VALUE)
                                    .transitions().stream().filter(TransitionStats.Transition::postPurchase)
                                    .toList());
                }
            }
        }
    }

    private static TransitionStats.Transition plain(TransitionEdge edge) {
        return new TransitionStats.Transition(edge.from(), edge.to(), edge.count(), edge.journeys(),
                edge.probability(), edge.timing(), false);
    }

    /** The graph has the expected journeys, vertices and edges; without timings, every edge's timing is none. */
    private static void assertEqualGraphs(TransitionGraph graph, ObjectPathAnalyses.Transitions expected,
            boolean timed) {
        assertThat(graph.journeys()).isEqualTo(expected.journeys());
        assertThat(graph.graph().vertexSet()).containsExactlyElementsOf(expected.vertices());
        assertThat(graph.graph().edgeSet()).extracting(edge -> new TransitionStats.Transition(edge.from(), edge.to(),
                edge.count(), edge.journeys(), edge.probability(), edge.timing(), false))
                .containsExactlyElementsOf(expected.edges().stream().map(edge -> timed ? edge
                        : new TransitionStats.Transition(edge.from(), edge.to(), edge.count(), edge.journeys(),
                                edge.probability(), DurationStats.NONE, false))
                        .toList());
    }

    @Test
    void countsTheGraphForAChainAloneWithTheSameProbabilitiesAndRefusesItsEdgeViews() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            JourneySnapshot snapshot = each.snapshot();
            for (JourneySelection selection : each.selections()) {
                for (PathShaping shaping : each.shapings()) {
                    for (int parallelFrom : new int[] {2, Integer.MAX_VALUE}) {
                        TransitionGraph forChain = TransitionGraph.of(
                                TransitionCounts.forChain(snapshot, selection, shaping, parallelFrom), false);
                        TransitionGraph full = TransitionGraph.withoutTimings(snapshot, selection, shaping);

                        assertThat(forChain.journeys()).isEqualTo(full.journeys());
                        assertThat(forChain.vertexOrder()).containsExactly(full.vertexOrder());
                        assertThat(forChain.edgeCount()).isEqualTo(full.edgeCount());
                        for (int edge = 0; edge < full.edgeCount(); edge++) {
                            assertThat(forChain.nodeName(forChain.edgeFrom(edge)))
                                    .isEqualTo(full.nodeName(full.edgeFrom(edge)));
                            assertThat(forChain.nodeName(forChain.edgeTo(edge)))
                                    .isEqualTo(full.nodeName(full.edgeTo(edge)));
                            assertThat(forChain.count(edge)).isEqualTo(full.count(edge));
                            assertThat(Double.doubleToLongBits(forChain.probability(edge)))
                                    .isEqualTo(Double.doubleToLongBits(full.probability(edge)));
                        }
                        if (full.journeys() > 0) {
                            AbsorbingChain chain = forChain.absorbingChain();
                            for (String node : full.absorbingChain().nodes()) {
                                for (Outcome outcome : Outcome.values()) {
                                    assertThat(chain.probability(node, outcome))
                                            .isEqualTo(full.absorbingChain().probability(node, outcome));
                                }
                            }
                        }
                        if (TransitionCounts.countsFromColumn(snapshot, shaping)) {
                            assertThatThrownBy(forChain::graph).isInstanceOf(IllegalStateException.class)
                                    .hasMessageContaining("journeys were not counted");
                        } else {
                            assertThat(forChain.edges()).extracting(TransitionEdge::toString)
                                    .containsExactlyElementsOf(full.edges().stream().map(TransitionEdge::toString)
                                            .toList());
                        }
                    }
                }
            }
        }
    }
}
