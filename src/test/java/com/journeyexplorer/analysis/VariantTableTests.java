package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VariantTableTests {

    @Test
    void mergesCountsOfTheSameLabelsAndRanksByJourneysThenLabels() {
        VariantTable variants = new VariantTable(1, 1);
        int ab = variants.merge(path(1, 2), 3, 1);
        int a = variants.merge(path(1), 3, 0);
        int b = variants.merge(path(2), 5, 5);
        assertThat(variants.merge(path(1, 2), 2, 2)).isEqualTo(ab);

        assertThat(variants.size()).isEqualTo(3);
        assertThat(variants.journeys(ab)).isEqualTo(5);
        assertThat(variants.purchased(ab)).isEqualTo(3);
        assertThat(variants.key(ab)).containsExactly(1, 2);
        // ab and b both have 5 journeys: [1, 2] before [2]; a last
        assertThat(variants.top(10)).containsExactly(ab, b, a);
        assertThat(variants.top(1)).containsExactly(ab);
        assertThat(variants.top(0)).isEmpty();
    }

    private static LabelPath path(int... labels) {
        LabelPath path = new LabelPath();
        path.reset(null, labels.length);
        System.arraycopy(labels, 0, path.labels, 0, labels.length);
        path.length = labels.length;
        return path;
    }
}
