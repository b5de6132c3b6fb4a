package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.PathShaping.Group;
import com.journeyexplorer.analysis.PathShaping.Level;

class PathShapingTests {

    private final JourneySnapshot snapshot = new JourneyFixture()
            .touchpoint("ad-1", "display", "awareness")
            .touchpoint("ad-2", "display", "awareness")
            .touchpoint("mail", "email", "")
            .touchpoint("shop", "", "purchase")
            .journeys("ad-1>ad-2>mail>shop!>mail")
            .snapshot();

    private final Journey journey = snapshot.journeys().get(0);

    @Test
    void labelsByTouchpointChannelOrStageWithFallbackToTheName() {
        assertThat(new PathShaping(Level.TOUCHPOINT, false, null, null).shape(journey, snapshot, false))
                .containsExactly("ad-1", "ad-2", "mail", "shop", "mail");
        assertThat(new PathShaping(Level.CHANNEL, false, null, null).shape(journey, snapshot, false))
                .containsExactly("display", "display", "email", "shop", "email");
        assertThat(new PathShaping(Level.STAGE, false, null, null).shape(journey, snapshot, false))
                .containsExactly("awareness", "awareness", "mail", "purchase", "mail");
    }

    @Test
    void endsAtTheFirstPurchaseWhenAsked() {
        assertThat(PathShaping.touchpoints().shape(journey, snapshot, true))
                .containsExactly("ad-1", "ad-2", "mail", "shop");
    }

    @Test
    void collapsesRepeatsAfterLevelMappingAndTruncates() {
        assertThat(new PathShaping(Level.CHANNEL, true, null, null).shape(journey, snapshot, true))
                .containsExactly("display", "email", "shop");
        assertThat(new PathShaping(Level.CHANNEL, true, 2, null).shape(journey, snapshot, true))
                .containsExactly("display", "email");
    }

    @Test
    void groupsApplyBeforeLevelMappingAndFirstMatchWins() {
        PathShaping shaping = new PathShaping(Level.STAGE, true, null,
                List.of(new Group("ads", Pattern.compile("ad-.*")), new Group("all", Pattern.compile(".*"))));
        assertThat(shaping.shape(journey, snapshot, false)).containsExactly("ads", "all");
        assertThat(new PathShaping(Level.STAGE, false, null, List.of(new Group("ads", Pattern.compile("ad-.*"))))
                .labels(snapshot)).containsExactly("ads", "mail", "purchase");
    }

    @Test
    void timesCoverEveryEventMergedIntoALabel() {
        JourneySnapshot timed = JourneyFixture.snapshot("A@0>A@100>B@250>B@400");
        ShapedPath path = new PathShaping(Level.TOUCHPOINT, true, null, null).shaper(timed)
                .shape(timed.journeys().get(0), false);
        assertThat(path.steps()).containsExactly("A", "B");
        assertThat(path.gapMillis(0)).isEqualTo(150_000);
        assertThat(path.durationMillis()).isEqualTo(400_000);
    }
}
