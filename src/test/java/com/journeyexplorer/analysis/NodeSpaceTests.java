package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeSpaceTests {

    private final NodeSpace nodes = new NodeSpace(2);

    @Test
    void touchpointsComeFirstThenStartThenTheOutcomes() {
        assertThat(nodes.start()).isEqualTo(2);
        assertThat(nodes.outcome(Outcome.PURCHASE)).isEqualTo(3);
        assertThat(nodes.size()).isEqualTo(3 + Outcome.values().length);
        assertThat(nodes.isTouchpoint(1)).isTrue();
        assertThat(nodes.isTouchpoint(nodes.start())).isFalse();
        assertThat(nodes.isOutcome(nodes.start())).isFalse();
        for (Outcome outcome : Outcome.values()) {
            assertThat(nodes.isOutcome(nodes.outcome(outcome))).isTrue();
            assertThat(nodes.outcomeAt(nodes.outcome(outcome))).isEqualTo(outcome);
        }
    }

    @Test
    void namesEveryNode() {
        JourneySnapshot snapshot = JourneyFixture.snapshot("A>B");
        NodeSpace space = new NodeSpace(snapshot.touchpoints().size());

        assertThat(space.name(0, snapshot)).isEqualTo(snapshot.touchpoint(0).name());
        assertThat(space.name(space.start(), snapshot)).isEqualTo("(start)").isEqualTo(NodeSpace.START_NAME);
        assertThat(space.name(space.outcome(Outcome.ABANDONED), snapshot.touchpoints()))
                .isEqualTo(Outcome.ABANDONED.nodeName());
    }

    @Test
    void theChainAndTheGraphNameTheStartAsTheNodeSpaceDoes() {
        assertThat(com.journeyexplorer.analysis.attribution.MarkovChain.START).isSameAs(NodeSpace.START_NAME);
        assertThat(TransitionGraph.START).isSameAs(NodeSpace.START_NAME);
    }
}
