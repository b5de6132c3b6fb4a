package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.PathShaping.Group;
import com.journeyexplorer.analysis.PathShaping.Level;
import com.journeyexplorer.journey.Journey;

/** The one label numbering of path shaping and attribution. */
class TouchpointLabelsTests {

    // touchpoint ids in declaration order: 0 ad-1, 1 ad-2, 2 mail, 3 shop, 4 Blog
    private final JourneySnapshot snapshot = new JourneyFixture()
            .touchpoint("ad-1", "display", "awareness")
            .touchpoint("ad-2", "display", "awareness")
            .touchpoint("mail", "email", "")
            .touchpoint("shop", "", "purchase")
            .touchpoint("Blog", "content", "awareness")
            .journeys("ad-1>Blog>ad-2>mail>shop!>mail", "mail>ad-2")
            .snapshot();

    private static PathShaping at(Level level, Group... groups) {
        return new PathShaping(level, false, null, List.of(groups));
    }

    /** Label name of each touchpoint id, through the numbering. */
    private List<String> labelOfEachTouchpoint(TouchpointLabels labels) {
        List<String> names = new ArrayList<>();
        for (int t = 0; t < snapshot.touchpoints().size(); t++) {
            names.add(labels.name(labels.labelOf(t)));
        }
        return names;
    }

    @Test
    void numbersTheDistinctLabelsInTheirNaturalOrder() {
        TouchpointLabels labels = TouchpointLabels.of(snapshot, PathShaping.touchpoints());

        // String order: upper case first
        assertThat(labels.names()).containsExactly("Blog", "ad-1", "ad-2", "mail", "shop");
        assertThat(labels.count()).isEqualTo(5);
        assertThat(labels.labelOf(4)).isZero();
        assertThat(labels.labelOf(0)).isEqualTo(1);
        assertThat(labels.name(4)).isEqualTo("shop");
        assertThat(labelOfEachTouchpoint(labels)).containsExactly("ad-1", "ad-2", "mail", "shop", "Blog");
    }

    @Test
    void labelsByChannelOrStageFallingBackToTheName() {
        TouchpointLabels channels = TouchpointLabels.of(snapshot, at(Level.CHANNEL));
        assertThat(channels.names()).containsExactly("content", "display", "email", "shop");
        assertThat(labelOfEachTouchpoint(channels)).containsExactly("display", "display", "email", "shop", "content");
        // the two ads share one id
        assertThat(channels.labelOf(0)).isEqualTo(channels.labelOf(1)).isEqualTo(1);

        TouchpointLabels stages = TouchpointLabels.of(snapshot, at(Level.STAGE));
        assertThat(stages.names()).containsExactly("awareness", "mail", "purchase");
        assertThat(labelOfEachTouchpoint(stages))
                .containsExactly("awareness", "awareness", "mail", "purchase", "awareness");
    }

    @Test
    void groupsComeFirstAndTheFirstMatchingGroupWins() {
        TouchpointLabels labels = TouchpointLabels.of(snapshot, at(Level.STAGE,
                new Group("Ads", Pattern.compile("ad-\\d")), new Group("Everything", Pattern.compile(".*")),
                new Group("Never", Pattern.compile("mail"))));

        assertThat(labels.names()).containsExactly("Ads", "Everything");
        assertThat(labelOfEachTouchpoint(labels)).containsExactly("Ads", "Ads", "Everything", "Everything",
                "Everything");
        // a whole-name match: "ad-1x" would not be an ad
        TouchpointLabels partial = TouchpointLabels.of(snapshot, at(Level.TOUCHPOINT,
                new Group("Ads", Pattern.compile("ad"))));
        assertThat(partial.names()).doesNotContain("Ads");
    }

    @Test
    void aGroupNamedLikeAnotherLabelSharesItsId() {
        TouchpointLabels labels = TouchpointLabels.of(snapshot, at(Level.CHANNEL,
                new Group("email", Pattern.compile("Blog"))));

        assertThat(labels.names()).containsExactly("display", "email", "shop");
        assertThat(labels.labelOf(4)).isEqualTo(labels.labelOf(2));
    }

    @Test
    void namesIdsAndHandsOutACopyOfTheTouchpointMap() {
        TouchpointLabels labels = TouchpointLabels.of(snapshot, at(Level.CHANNEL));

        assertThat(labels.names(new int[] {3, 0, 1, 2}, 3)).containsExactly("shop", "content", "display");
        int[] labelOf = labels.labelOfEachTouchpoint();
        assertThat(labelOf).containsExactly(1, 1, 2, 3, 0);
        labelOf[0] = 3;
        assertThat(labels.labelOf(0)).isEqualTo(1);
    }

    @Test
    void pathShapingCountsInTheSameIds() {
        PathShaping shaping = new PathShaping(Level.STAGE, true, 3, List.of(new Group("Ads", Pattern.compile("ad-.*"))));
        TouchpointLabels labels = TouchpointLabels.of(snapshot, shaping);
        PathShaper shaper = shaping.shaper(snapshot);
        Journey journey = snapshot.journeys().get(0);
        LabelPath path = new LabelPath();

        shaper.shape(journey, false, path);

        // Ads > awareness (Blog) > Ads > mail, cut to 3
        assertThat(shaper.labelCount()).isEqualTo(labels.count());
        assertThat(path.length).isEqualTo(3);
        for (int i = 0; i < path.length; i++) {
            assertThat(path.labels[i]).isEqualTo(labels.labelOf(journey.steps()[path.starts[i]]));
        }
        assertThat(shaper.labelNames(path.labels, path.length)).containsExactly("Ads", "awareness", "Ads");
        assertThat(shaping.labels(snapshot)).containsExactlyElementsOf(labels.names());
    }
}
