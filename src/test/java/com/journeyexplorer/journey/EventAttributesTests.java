package com.journeyexplorer.journey;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventAttributesTests {

    @Test
    void keepsEachEventsValueAndAnswersWhetherAnyEventHasOne() {
        Map<String, String[]> columns = new LinkedHashMap<>();
        columns.put("resource", new String[] {"112", "113", null, "112"});
        columns.put("lifecycle", new String[] {"start", "complete", "start", "complete"});
        EventAttributes events = EventAttributes.of(columns, 4);

        assertThat(events.columns()).containsExactly("lifecycle", "resource");
        assertThat(events.values("resource")).containsExactly("112", "113", null, "112");
        assertThat(events.value("lifecycle", 1)).isEqualTo("complete");
        assertThat(events.value("product", 1)).isNull();
        assertThat(events.anyEquals("resource", "113")).isTrue();
        assertThat(events.anyEquals("resource", "114")).isFalse();
        assertThat(events).isEqualTo(EventAttributes.of(Map.of("resource", new String[] {"112", "113", null, "112"},
                "lifecycle", new String[] {"start", "complete", "start", "complete"}), 4));
        assertThat(events).isNotEqualTo(EventAttributes.of(Map.of("resource", new String[] {"112", "113", null,
                "112"}), 4));
    }

    @Test
    void codesManyDistinctValuesWithoutLosingAny() {
        int length = 70_000;
        String[] products = new String[length];
        for (int i = 0; i < length; i++) {
            products[i] = "p" + (i % 66_000);
        }
        EventAttributes events = EventAttributes.of(Map.of("product", products), length);

        assertThat(events.values("product")).containsExactly(products);
        assertThat(events.value("product", 65_999)).isEqualTo("p65999");
        assertThat(events.value("product", 66_000)).isEqualTo("p0");
        String[] few = {"a", "b"};
        assertThat(EventAttributes.of(Map.of("x", few), 2).values("x")).containsExactly("a", "b");
    }

    @Test
    void rejectsAColumnOfAnotherLengthAndSharesTheEmptyInstance() {
        assertThatThrownBy(() -> EventAttributes.of(Map.of("x", new String[] {"a"}), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThat(EventAttributes.of(Map.of(), 3)).isSameAs(EventAttributes.NONE);
        assertThat(EventAttributes.NONE.isEmpty()).isTrue();
    }
}
