package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class StepSequencesTests {

    @Test
    void numbersEqualStepsAlikeInOrderOfFirstSight() {
        JourneySnapshot snapshot = JourneyFixture.snapshot("A>B", "B", "A>B", "A", "B");
        StepSequences sequences = StepSequences.of(snapshot);

        assertThat(sequences.numbers(false)).containsExactly(0, 1, 0, 2, 1);
        assertThat(sequences.count()).isEqualTo(3);
        assertThat(steps(sequences, 0)).isEqualTo(snapshot.journeys().get(0).steps());
    }

    @Test
    void numbersThePathToTheFirstPurchaseApart() {
        JourneySnapshot snapshot = JourneyFixture.snapshot("A>buy!>B", "A>buy!", "A>buy!>B>buy!", "A");
        StepSequences sequences = StepSequences.of(snapshot);
        int[] wholes = sequences.numbers(false);
        int[] paths = sequences.numbers(true);

        assertThat(paths[0]).isEqualTo(paths[1]).isEqualTo(paths[2]).isEqualTo(wholes[1]);
        assertThat(wholes[0]).isNotEqualTo(paths[0]).isNotEqualTo(wholes[2]);
        assertThat(paths[3]).isEqualTo(wholes[3]);
    }

    @Test
    void holdsTheStepsOfEveryRecordOnRandomJourneys() {
        JourneySnapshot snapshot = JourneyFixture.varied(3, 2_000);
        StepSequences sequences = StepSequences.of(snapshot);
        List<Journey> journeys = snapshot.journeys();

        for (int position = 0; position < journeys.size(); position++) {
            Journey journey = journeys.get(position);
            assertThat(steps(sequences, sequences.numbers(false)[position])).isEqualTo(journey.steps());
            assertThat(steps(sequences, sequences.numbers(true)[position]))
                    .isEqualTo(Arrays.copyOf(journey.steps(), journey.pathLength()));
        }
        long distinct = journeys.stream().map(journey -> Arrays.toString(journey.steps())).distinct().count();
        assertThat(Arrays.stream(sequences.numbers(false)).distinct().count()).isEqualTo(distinct);
    }

    private static int[] steps(StepSequences sequences, int sequence) {
        int offset = sequences.offset(sequence);
        return Arrays.copyOfRange(sequences.pool(), offset, offset + sequences.length(sequence));
    }
}
