package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.Flows.Link;
import com.journeyexplorer.analysis.Flows.Node;
import com.journeyexplorer.analysis.Flows.StepDropoff;
import com.journeyexplorer.journey.Outcome;

class FlowsTests {

    @Test
    void keepsTheTopLabelsPerStepAndMergesTheRest() {
        Flows flows = Flows.of(JourneyFixture.snapshot("A>B>buy!>E", "A>C", "A>B>C>D", "B"), JourneySelection.all(),
                PathShaping.touchpoints(), 2, 1);

        assertThat(flows.nodes()).containsExactly(
                new Node(0, "A", 3, 0, 0, 0, 0, 0, false),
                new Node(0, Flows.OTHER, 1, 0, 1, 0, 0, 0, true),
                new Node(1, "B", 2, 0, 0, 0, 0, 2, false),
                new Node(1, Flows.OTHER, 1, 0, 1, 0, 0, 0, true));
        assertThat(flows.links()).containsExactly(new Link(0, "A", "B", 2), new Link(0, "A", Flows.OTHER, 1));
        assertThat(flows.dropoffs()).containsExactly(new StepDropoff(0, 4, 0, 1, 0, 0, 0),
                new StepDropoff(1, 3, 0, 1, 0, 0, 2));
        assertThat(flows.nodes().get(2).id()).isEqualTo("1:B");
    }

    @Test
    void aKeptLabelNamedOtherKeepsApartFromTheMergedNode() {
        Flows flows = Flows.of(JourneyFixture.snapshot("(other)>B", "(other)>C", "X>B", "Y"), JourneySelection.all(),
                PathShaping.touchpoints(), 2, 1);

        assertThat(flows.nodes()).containsExactly(
                new Node(0, "(other)", 2, 0, 0, 0, 0, 0, false),
                new Node(0, "(other 2)", 2, 0, 1, 0, 0, 0, true),
                new Node(1, "B", 2, 0, 2, 0, 0, 0, false),
                new Node(1, Flows.OTHER, 1, 0, 1, 0, 0, 0, true));
        assertThat(flows.links()).containsExactly(new Link(0, "(other 2)", "B", 1),
                new Link(0, "(other)", "(other)", 1), new Link(0, "(other)", "B", 1));
    }

    @Test
    void openJourneysEndAtTheirLastStepAsOpenNotBeyond() {
        // A>B is made open; A>C and A are abandoned
        JourneySnapshot snapshot = JourneyFixture.withOpenJourneys(JourneyFixture.snapshot("A>B", "A>C", "A"));

        Flows open = Flows.of(snapshot, JourneySelection.all().withOutcome(Outcome.OPEN), PathShaping.touchpoints(), 3,
                5);
        assertThat(open.nodes()).containsExactly(new Node(0, "A", 1, 0, 0, 0, 0, 0, false),
                new Node(1, "B", 1, 0, 0, 0, 1, 0, false));
        assertThat(open.dropoffs().get(1)).isEqualTo(new StepDropoff(1, 1, 0, 0, 0, 1, 0));

        Flows cut = Flows.of(snapshot, JourneySelection.all().withOutcome(Outcome.OPEN), PathShaping.touchpoints(), 1,
                5);
        assertThat(cut.nodes()).containsExactly(new Node(0, "A", 1, 0, 0, 0, 0, 1, false));
    }

    @Test
    void everyNodeAndStepReconcilesOnRandomJourneys() {
        for (long seed = 1; seed <= 30; seed++) {
            JourneySnapshot random = JourneyFixture.random(seed, 50);
            Flows flows = Flows.of(random, JourneySelection.all(),
                    new PathShaping(PathShaping.Level.TOUCHPOINT, seed % 2 == 0, null, null), 1 + (int) (seed % 5),
                    1 + (int) (seed % 3));
            Map<String, Long> out = new HashMap<>();
            Map<String, Long> in = new HashMap<>();
            for (Link link : flows.links()) {
                out.merge(link.step() + ":" + link.from(), link.journeys(), Long::sum);
                in.merge((link.step() + 1) + ":" + link.to(), link.journeys(), Long::sum);
            }
            assertThat(flows.dropoffs().get(0).journeys()).isEqualTo(flows.total()).isEqualTo(random.journeyCount());
            for (Node node : flows.nodes()) {
                long leaving = out.getOrDefault(node.id(), 0L) + node.purchased() + node.abandoned() + node.diverted()
                        + node.open() + node.beyond();
                assertThat(leaving).as("seed %d node %s", seed, node.id()).isEqualTo(node.journeys());
                if (node.step() > 0) {
                    assertThat(in.get(node.id())).as("seed %d node %s", seed, node.id()).isEqualTo(node.journeys());
                }
                assertThat(node.step()).isLessThan(flows.dropoffs().size());
            }
            for (StepDropoff step : flows.dropoffs()) {
                long links = flows.links().stream().filter(link -> link.step() == step.step())
                        .mapToLong(Link::journeys).sum();
                assertThat(links + step.purchased() + step.abandoned() + step.diverted() + step.open()
                        + step.beyond())
                        .isEqualTo(step.journeys());
            }
        }
    }

    @Test
    void equalsTheFlowsOfShapedLabelListsOnRandomJourneys() {
        for (long seed = 1; seed <= 6; seed++) {
            JourneySnapshot random = JourneyFixture.varied(seed, 300);
            for (JourneySelection selection : PathCrossChecks.selections()) {
                for (PathShaping shaping : PathCrossChecks.shapings()) {
                    for (int[] size : new int[][] {{1, 1}, {3, 2}, {5, 8}, {9, 3}}) {
                        assertThat(Flows.of(random, selection, shaping, size[0], size[1]))
                                .isEqualTo(ObjectPathAnalyses.flows(random, selection, shaping, size[0], size[1]));
                    }
                }
            }
        }
    }

    @Test
    void equalsTheFlowsOfShapedLabelListsOnAClickstream() {
        JourneySnapshot clickstream = PathCrossChecks.clickstream();
        for (JourneySelection selection : PathCrossChecks.clickstreamSelections()) {
            for (PathShaping shaping : PathCrossChecks.clickstreamShapings()) {
                for (int[] size : new int[][] {{1, 1}, {5, 8}, {12, 50}}) {
                    assertThat(Flows.of(clickstream, selection, shaping, size[0], size[1])).isEqualTo(
                            ObjectPathAnalyses.flows(clickstream, selection, shaping, size[0], size[1]));
                }
            }
        }
    }

    @Test
    void countsTwoHalvesExactlyAsOnePass() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            for (JourneySelection selection : each.selections()) {
                for (PathShaping shaping : each.shapings()) {
                    assertThat(Flows.of(each.snapshot(), selection, shaping, 5, 3, 2))
                            .isEqualTo(Flows.of(each.snapshot(), selection, shaping, 5, 3, Integer.MAX_VALUE));
                }
            }
        }
    }
}
