package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySelection.FilterScope;

class JourneySelectionTests {

    private final JourneySnapshot snapshot = new JourneyFixture()
            .touchpoint("A", "search", "awareness")
            .touchpoint("B", "email", "consideration")
            .competitors("X")
            .journeys("A>B>buy!>C", "B>A", "A>X", "C>B>A")
            .journey("B>C", 1, true, "gold", "mobile", Map.of("region", "north"))
            .snapshot();

    private List<String> ids(JourneySelection selection) {
        return selection.select(snapshot).stream().map(Journey::id).toList();
    }

    private static JourneySelection touching(List<String> startsWith, List<String> endsWith, List<String> contains,
            List<String> excludes, FilterScope scope) {
        return JourneySelection.all().withPath(startsWith, endsWith, contains, excludes).withFilterScope(scope);
    }

    @Test
    void selectsEveryJourneyWithoutCriteria() {
        assertThat(ids(JourneySelection.all())).containsExactly("j0", "j1", "j2", "j3", "j4");
    }

    @Test
    void filtersByOutcome() {
        assertThat(ids(JourneySelection.all().withOutcome(Outcome.DIVERTED))).containsExactly("j2");
        assertThat(ids(JourneySelection.all().withOutcome(Outcome.PURCHASE))).containsExactly("j0");
    }

    @Test
    void endsWithLooksAtTheLastStepOfThePathToPurchase() {
        assertThat(ids(touching(null, List.of("buy"), null, null, null))).containsExactly("j0");
        assertThat(ids(touching(null, List.of("A"), null, null, null))).containsExactly("j1", "j3");
        assertThat(ids(touching(List.of("A", "C"), null, null, null, null))).containsExactly("j0", "j2", "j3");
    }

    @Test
    void containsFollowsTheFilterScope() {
        assertThat(ids(touching(null, null, List.of("A"), null, FilterScope.JOURNEY)))
                .containsExactly("j0", "j1", "j2", "j3");
        assertThat(ids(touching(null, null, List.of("A"), null, FilterScope.START))).containsExactly("j0", "j2");
        assertThat(ids(touching(null, null, List.of("A"), null, FilterScope.END))).containsExactly("j1", "j3");
        assertThat(ids(touching(null, null, List.of("A", "B"), null, FilterScope.JOURNEY)))
                .containsExactly("j0", "j1", "j3");
    }

    @Test
    void excludesIgnoresStepsAfterTheFirstPurchase() {
        assertThat(ids(touching(null, null, null, List.of("C"), null))).containsExactly("j0", "j1", "j2");
    }

    @Test
    void filtersByChannelSegmentDeviceAndAttributes() {
        assertThat(ids(JourneySelection.all().withChannel("email"))).containsExactly("j0", "j1", "j3", "j4");
        assertThat(ids(JourneySelection.all().withSegment("gold").withDevice("mobile")
                .withAttributes(Map.of("region", "north")))).containsExactly("j4");
        assertThat(ids(JourneySelection.all().withAttributes(Map.of("region", "south")))).isEmpty();
    }

    @Test
    void filtersByStartTimeWithExclusiveUpperBound() {
        assertThat(ids(JourneySelection.all().withPeriod(JourneyFixture.DAY, 3 * JourneyFixture.DAY)))
                .containsExactly("j1", "j2");
    }

    @Test
    void listsUnknownTouchpointsAndMatchesNothingForThem() {
        JourneySelection selection = touching(List.of("A", "nope"), null, List.of("gone"), List.of("nope"), null);
        assertThat(selection.unknownTouchpoints(snapshot)).containsExactly("nope", "gone");
        assertThat(ids(selection)).isEmpty();
    }

    @Test
    void rejectsFromAfterTo() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> JourneySelection.all().withPeriod(2L, 1L));
    }

    @Test
    void testsPositionsAsThePredicateTestsJourneys() {
        List<JourneySelection> selections = new ArrayList<>(PathCrossChecks.selections());
        selections.add(JourneySelection.all().withSegment("nobody"));
        selections.add(JourneySelection.all().withDevice("fridge"));
        for (long seed = 1; seed <= 3; seed++) {
            JourneySnapshot random = JourneyFixture.varied(seed, 500);
            for (JourneySelection selection : selections) {
                Predicate<Journey> predicate = selection.predicate(random);
                IntPredicate positions = selection.positions(random);
                for (int position = 0; position < random.journeys().size(); position++) {
                    assertThat(positions.test(position)).as("%s at %d", selection, position)
                            .isEqualTo(predicate.test(random.journeys().get(position)));
                }
            }
        }
    }
}
