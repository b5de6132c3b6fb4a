package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.experience.Nps;
import com.journeyexplorer.analysis.experience.ScoreSummary;
import com.journeyexplorer.analysis.stats.Interval;

/** The plain-words answer to "Is the experience positive?", and what it says when no answer is selected. */
class ExperienceAnswerTextTests {

    private static final ScoreSummary NO_ANSWER = new ScoreSummary(0, null, null, null, null, null);

    @Test
    void withoutStoredAnswersItSaysHowToImportThem() {
        assertThat(ExperienceController.answer(NO_ANSWER, 1_200, 0, 0.95))
                .isEqualTo("No survey answers yet: import them with POST /api/feedback, or give scores on events.");
    }

    @Test
    void whenNoJourneyIsSelectedItSaysSoRatherThanAskingForAnImport() {
        assertThat(ExperienceController.answer(NO_ANSWER, 0, 2_214, 0.95))
                .isEqualTo("No journey matches the filters, so no answer is about them.");
    }

    @Test
    void whenTheSelectedJourneysHaveNoAnswerItCountsTheStoredOnes() {
        assertThat(ExperienceController.answer(NO_ANSWER, 350, 2_214, 0.95))
                .isEqualTo("None of the 2,214 survey answers is about the selected journeys.");
    }

    @Test
    void oneStoredAnswerIsCountedInTheSingular() {
        assertThat(ExperienceController.answer(NO_ANSWER, 350, 1, 0.95))
                .isEqualTo("The one survey answer is not about the selected journeys.");
    }

    @Test
    void withAnswersItGivesTheVerdictAndTheNumbers() {
        ScoreSummary mostlyPositive = new ScoreSummary(200, 0.7, new Interval(0.66, 0.74), 0.6, 0.2, null);

        assertThat(ExperienceController.answer(mostlyPositive, 350, 2_214, 0.95)).isEqualTo("Yes: 60% of 200 "
                + "answers are positive and 20% negative; the mean score is 0.70 of 1 (0.66 to 0.74 at 95% "
                + "confidence).");
    }

    @Test
    void theNpsSaysHowManyAnswersItRestsOn() {
        ScoreSummary oneDetractor = new ScoreSummary(1, 0.0, new Interval(0, 1), 0.0, 1.0,
                new Nps(1, 0, 1, -100, new Interval(-100, 100)));

        assertThat(ExperienceController.answer(oneDetractor, 350, 2_214, 0.95)).isEqualTo("Mixed: 0% of 1 "
                + "answer is positive and 100% negative; the mean score is 0.00 of 1 (0.00 to 1.00 at 95% "
                + "confidence); NPS -100 of 1 NPS answer (-100 to 100).");
    }
}
