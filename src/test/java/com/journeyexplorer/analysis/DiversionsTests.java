package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.Diversions.CutEdge;
import com.journeyexplorer.analysis.Diversions.Diversion;

class DiversionsTests {

    static final JourneySnapshot SNAPSHOT = new JourneyFixture()
            .touchpoint("A", "web", "consideration")
            .touchpoint("B", "store", "intent")
            .competitors("X", "Y")
            .journeys("A>X", "A>X>A>buy!", "A>X>B", "A>B>Y", "A>B>buy!")
            .snapshot();

    @Test
    void ranksOwnToCompetitorTransitionsByJourneysLost() {
        Diversions diversions = Diversions.of(SNAPSHOT, JourneySelection.all(), 10);

        assertThat(diversions.diversions()).hasSize(2);
        Diversion first = diversions.diversions().get(0);
        assertThat(first).extracting(Diversion::touchpoint, Diversion::stage, Diversion::competitor,
                Diversion::journeys, Diversion::cameBack, Diversion::boughtAfterReturn)
                .containsExactly("A", "consideration", "X", 3L, 2L, 1L);
        assertThat(first.rate()).isCloseTo(3 / 5.0, within(1e-12));
        Diversion second = diversions.diversions().get(1);
        assertThat(second.touchpoint()).isEqualTo("B");
        assertThat(second.competitor()).isEqualTo("Y");
        assertThat(second.rate()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(second.cameBack()).isZero();
    }

    @Test
    void findsTheMinimumCutBetweenStartAndCompetitors() {
        Diversions.MinimumCut cut = Diversions.of(SNAPSHOT, JourneySelection.all(), 5).minimumCut();

        assertThat(cut.journeys()).isEqualTo(4);
        assertThat(cut.edges()).containsExactly(new CutEdge("A", "X", 3), new CutEdge("B", "Y", 1));
        assertThat(cut.edgesTotal()).isEqualTo(2);
    }

    @Test
    void listsTheBusiestTransitionsOfTheMinimumCutUpToTheLimitAndKeepsItsTotals() {
        Diversions.MinimumCut cut = Diversions.of(SNAPSHOT, JourneySelection.all(), 1).minimumCut();

        assertThat(cut.edges()).containsExactly(new CutEdge("A", "X", 3));
        assertThat(cut.edgesTotal()).isEqualTo(2);
        assertThat(cut.journeys()).isEqualTo(4);
        assertThat(Diversions.of(SNAPSHOT, JourneySelection.all(), 0).minimumCut())
                .isEqualTo(new Diversions.MinimumCut(List.of(), 2, 4));
    }

    @Test
    void marksEachDiversionInTheWholeCutWhetherOrNotTheCutListsIt() {
        // (start) -> X, the cut's busiest transition, is the one listed with limit 1; A -> Y is in the cut all the same
        JourneySnapshot snapshot = new JourneyFixture().competitors("X", "Y").journeys("X", "X", "A>Y").snapshot();
        Diversions diversions = Diversions.of(snapshot, JourneySelection.all(), 1);

        assertThat(diversions.minimumCut().edges()).containsExactly(new CutEdge(NodeSpace.START_NAME, "X", 2));
        assertThat(diversions.minimumCut().edgesTotal()).isEqualTo(2);
        assertThat(diversions.diversions()).singleElement()
                .extracting(Diversion::touchpoint, Diversion::competitor, Diversion::inCut)
                .containsExactly("A", "Y", true);
    }

    @Test
    void leavesADiversionOutOfTheCutUnmarked() {
        // A -> X cuts the one journey; B -> Y, after it, is a diversion the cut does not need
        Diversions diversions = Diversions.of(new JourneyFixture().competitors("X", "Y").journeys("A>X>B>Y")
                .snapshot(), JourneySelection.all(), 10);

        assertThat(diversions.minimumCut().edges()).containsExactly(new CutEdge("A", "X", 1));
        assertThat(diversions.diversions()).extracting(row -> row.touchpoint() + " -> " + row.competitor()
                + (row.inCut() ? " cut" : "")).containsExactlyInAnyOrder("A -> X cut", "B -> Y");
    }

    @Test
    void cutsNothingWithoutCompetitors() {
        Diversions diversions = Diversions.of(JourneyFixture.snapshot("A>B", "B>A>buy!"), JourneySelection.all(), 5);

        assertThat(diversions.diversions()).isEmpty();
        assertThat(diversions.minimumCut().edges()).isEmpty();
        assertThat(diversions.minimumCut().journeys()).isZero();
    }

    @Test
    void choosesTheMinimumCutNearestTheCompetitors() {
        Diversions diversions = Diversions.of(new JourneyFixture().competitors("X")
                .journeys("A>X", "B>X", "B>X", "A>C").snapshot(), JourneySelection.all(), 5);

        assertThat(diversions.minimumCut().journeys()).isEqualTo(3);
        assertThat(diversions.minimumCut().edges()).as("(start) -> B would cut as much, but further away")
                .containsExactly(new CutEdge("B", "X", 2), new CutEdge("A", "X", 1));
    }

    @Test
    void countsATouchpointNamedLikeTheStartNodeAsTheStart() {
        // "(start)" is a touchpoint here: a journey starting elsewhere enters the network through the same node as a
        // journey stepping from that touchpoint, and a journey doing both counts once on that transition
        JourneySnapshot snapshot = new JourneyFixture().competitors("X")
                .journeys(NodeSpace.START_NAME + ">A>X", "A>X", "B>" + NodeSpace.START_NAME + ">A>buy!", "B>X",
                        NodeSpace.START_NAME + ">B>X")
                .snapshot();
        for (JourneySelection selection : PathCrossChecks.selections()) {
            assertThat(Diversions.of(snapshot, selection, 100).diversions())
                    .isEqualTo(ObjectPathAnalyses.diversions(snapshot, selection));
            assertThat(Diversions.capacities(snapshot, selection))
                    .isEqualTo(ObjectPathAnalyses.capacities(snapshot, selection));
            assertThat(Diversions.of(snapshot, selection, 100).minimumCut())
                    .isEqualTo(ObjectPathAnalyses.minimumCut(snapshot, selection));
        }
        assertThat(Diversions.capacities(snapshot, JourneySelection.all()).get(NodeSpace.START_NAME))
                .containsEntry("A", 3L).containsEntry("B", 3L);
    }

    @Test
    void countsAStepFromTheStartTouchpointToACompetitorThatAJourneyStartsAt() {
        // the transition (start) -> X enters X for a journey starting at X, which loses no one there; the same
        // journey diverts when it later steps from the touchpoint (start) to X
        String start = NodeSpace.START_NAME;
        JourneySnapshot snapshot = new JourneyFixture().competitors("X")
                .journeys("X>" + start + ">X>A", start + ">X", "X>A>" + start + ">X>A>buy!", "X>A>buy!")
                .snapshot();
        for (JourneySelection selection : PathCrossChecks.selections()) {
            assertThat(Diversions.of(snapshot, selection, 100).diversions())
                    .isEqualTo(ObjectPathAnalyses.diversions(snapshot, selection));
            assertThat(Diversions.capacities(snapshot, selection))
                    .isEqualTo(ObjectPathAnalyses.capacities(snapshot, selection));
        }
        assertThat(Diversions.of(snapshot, JourneySelection.all(), 100).diversions()).singleElement()
                .extracting(Diversion::touchpoint, Diversion::competitor, Diversion::journeys, Diversion::cameBack,
                        Diversion::boughtAfterReturn)
                .containsExactly(start, "X", 3L, 2L, 1L);
    }

    @Test
    void equalsTheCountsOfTouchpointObjectsOnRandomJourneys() {
        for (long seed = 1; seed <= 10; seed++) {
            JourneySnapshot random = JourneyFixture.varied(seed, 300);
            for (JourneySelection selection : PathCrossChecks.selections()) {
                assertThat(Diversions.of(random, selection, 1000).diversions())
                        .isEqualTo(ObjectPathAnalyses.diversions(random, selection));
                assertThat(Diversions.capacities(random, selection))
                        .isEqualTo(ObjectPathAnalyses.capacities(random, selection));
            }
        }
    }

    @Test
    void equalsTheCountsAndTheMinimumCutOfTouchpointObjectsOnRandomJourneys() {
        for (long seed = 1; seed <= 10; seed++) {
            JourneySnapshot random = JourneyFixture.varied(seed, 300);
            for (JourneySelection selection : PathCrossChecks.selections()) {
                assertThat(Diversions.of(random, selection, 1000).minimumCut())
                        .isEqualTo(ObjectPathAnalyses.minimumCut(random, selection));
            }
        }
    }

    @Test
    void equalsTheCountsAndTheMinimumCutOfTouchpointObjectsOnAClickstream() {
        JourneySnapshot clickstream = PathCrossChecks.clickstream();
        assertThat(clickstream.touchpoints()).hasSizeGreaterThan(EdgeTallies.DENSE_NODES);
        for (JourneySelection selection : PathCrossChecks.clickstreamSelections()) {
            Diversions diversions = Diversions.of(clickstream, selection, 100_000);
            assertThat(diversions.diversions()).isEqualTo(ObjectPathAnalyses.diversions(clickstream, selection));
            assertThat(Diversions.capacities(clickstream, selection))
                    .isEqualTo(ObjectPathAnalyses.capacities(clickstream, selection));
            assertThat(diversions.minimumCut()).isEqualTo(ObjectPathAnalyses.minimumCut(clickstream, selection));
        }
        assertThat(Diversions.of(clickstream, JourneySelection.all(), 10).minimumCut().edges()).isNotEmpty();
    }

    @Test
    void countsTwoHalvesExactlyAsOnePass() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            for (JourneySelection selection : each.selections()) {
                Diversions onePass = Diversions.of(each.snapshot(), selection, 1_000, Integer.MAX_VALUE);

                assertThat(Diversions.of(each.snapshot(), selection, 1_000, 2)).isEqualTo(onePass);
                assertThat(Diversions.capacities(each.snapshot(), selection, 2))
                        .isEqualTo(Diversions.capacities(each.snapshot(), selection, Integer.MAX_VALUE));
            }
        }
        Diversions all = Diversions.of(PathCrossChecks.halvesCases().get(0).snapshot(), JourneySelection.all(), 1_000,
                2);
        assertThat(all.diversions()).anySatisfy(diversion -> assertThat(diversion.boughtAfterReturn()).isPositive());
        assertThat(all.minimumCut().edges()).isNotEmpty();
    }
}
