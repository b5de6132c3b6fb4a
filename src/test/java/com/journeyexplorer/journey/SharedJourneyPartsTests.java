package com.journeyexplorer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SharedJourneyPartsTests {

    private static Journey journey(String id, String customer, byte[] types, Map<String, String> attributes) {
        return new Journey(id, customer, new int[] {0, 1}, new long[] {1, 2}, types, null, Outcome.ABANDONED, -1, 0,
                1, "", "", attributes);
    }

    @Test
    void givesEqualPartsOneCopyAndKeepsDifferentOnesApart() {
        SharedJourneyParts shared = new SharedJourneyParts();
        Map<String, String> linked = new LinkedHashMap<>();
        linked.put("campaign", "spring");
        linked.put("value", "0");
        Map<String, String> first = shared.attributes(linked);
        assertThat(first).isEqualTo(linked);
        assertThat(shared.attributes(Map.of("value", "0", "campaign", "spring"))).isSameAs(first);
        assertThat(shared.attributes(Map.of("campaign", "autumn"))).isNotSameAs(first)
                .containsExactly(Map.entry("campaign", "autumn"));
        assertThat(shared.attributes(new LinkedHashMap<>())).isEmpty();

        byte[] visits = {0, 0};
        assertThat(shared.types(visits)).isSameAs(visits);
        assertThat(shared.types(new byte[] {0, 0})).isSameAs(visits);
        assertThat(shared.types(new byte[] {0, 1})).isNotSameAs(visits).containsExactly(0, 1);

        String customer = new String("c-1");
        assertThat(shared.customer(customer)).isSameAs(customer);
        assertThat(shared.customer(new String("c-1"))).isSameAs(customer);
        assertThat(shared.customer(null)).isNull();
    }

    @Test
    void findsEveryDistinctStepArrayAgainAfterTheTableGrows() {
        SharedJourneyParts shared = new SharedJourneyParts();
        java.util.Random random = new java.util.Random(7);
        java.util.List<int[]> firsts = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (firsts.size() < 5_000) {
            int[] steps = random.ints(1 + random.nextInt(6), 0, 12).toArray();
            if (seen.add(java.util.Arrays.toString(steps))) {
                assertThat(shared.steps(steps)).as("first sight").isSameAs(steps);
                firsts.add(steps);
            }
        }
        for (int[] first : firsts) {
            assertThat(shared.steps(first.clone())).isSameAs(first);
        }
        assertThat(shared.steps(new int[0])).isEmpty();
    }

    @Test
    void sharesDetailsWithoutEventIdsOrEventAttributesOnly() {
        SharedJourneyParts shared = new SharedJourneyParts();
        Journey.Details first = shared.details(new Journey.Details(null, Map.of("value", "0"), null, 1000));
        assertThat(shared.details(new Journey.Details(null, new LinkedHashMap<>(Map.of("value", "0")), null, 1000)))
                .isSameAs(first);
        assertThat(shared.details(new Journey.Details(null, Map.of("value", "0"), null, 2000))).isNotSameAs(first);
        String[] eventIds = {"e1", "e2"};
        Journey.Details own = shared.details(new Journey.Details(eventIds, Map.of("value", "0"), null, 1000));
        assertThat(own).isNotSameAs(first);
        assertThat(own.eventIds()).isSameAs(eventIds);
        assertThat(own.attributes()).as("its attributes still shared").isSameAs(first.attributes());
        assertThat(Journey.Details.of(null, Map.of(), null, -5)).isSameAs(Journey.Details.NONE);
    }

    @Test
    void copiesAJourneyWithArraysOfItsOwnAndTheSharedParts() {
        SharedJourneyParts shared = new SharedJourneyParts();
        Journey first = shared.share(journey("a", "anna", new byte[] {0, 1}, Map.of("value", "0")));
        Journey stored = journey("j-7", new String("anna"), new byte[] {0, 1}, Map.of("value", "0"));
        Journey copy = shared.copyInOrder(stored);

        assertThat(copy.steps()).as("the path taken before").isSameAs(first.steps());
        assertThat(copy.times()).containsExactly(1, 2);
        assertThat(copy.gap(1)).isEqualTo(1);
        assertThat(copy.id()).isEqualTo("j-7");
        assertThat(copy.hasId("j-7")).isTrue();
        assertThat(copy.customerPart()).isSameAs(first.customerPart());
        assertThat(copy.types()).isSameAs(first.types());
        assertThat(copy.details()).isSameAs(first.details());
        assertThat(copy.outcome()).isEqualTo(stored.outcome());

        Journey newPath = new Journey("j-8", "anna", new int[] {1, 0}, new long[] {1, 2}, new byte[] {0, 1}, null,
                Outcome.ABANDONED, -1, 0, 1, "", "", Map.of());
        Journey newPathCopy = shared.copyInOrder(newPath);
        assertThat(newPathCopy.steps()).as("a path not taken before: a copy of its own").isNotSameAs(newPath.steps())
                .containsExactly(1, 0);
        assertThat(shared.copyInOrder(newPath).steps()).as("then shared").isSameAs(newPathCopy.steps());
    }

    @Test
    void keepsTheSegmentAndTheDeviceInTheSharedDetails() {
        SharedJourneyParts shared = new SharedJourneyParts();
        Journey loyal = shared.share(new Journey("a", "c-1", new int[] {0}, new long[] {1}, new byte[] {0}, null,
                Outcome.ABANDONED, -1, 0, 1, "loyal", "mobile", Map.of()));
        Journey loyalAgain = shared.share(new Journey("b", "c-2", new int[] {0}, new long[] {1}, new byte[] {0}, null,
                Outcome.ABANDONED, -1, 0, 1, new String("loyal"), "mobile", Map.of()));
        Journey newcomer = shared.share(new Journey("c", "c-3", new int[] {0}, new long[] {1}, new byte[] {0}, null,
                Outcome.ABANDONED, -1, 0, 1, "new", "mobile", Map.of()));

        assertThat(loyalAgain.details()).isSameAs(loyal.details());
        assertThat(newcomer.details()).isNotSameAs(loyal.details());
        assertThat(newcomer.segment()).isEqualTo("new");
        assertThat(loyalAgain.segment()).isEqualTo("loyal");
        assertThat(loyalAgain.device()).isEqualTo("mobile");
        assertThat(new Journey("d", null, new int[] {0}, new long[0], new byte[] {0}, null, Outcome.ABANDONED, -1, 0,
                1, null, null, Map.of()).details()).as("no segment, no device, nothing else").isSameAs(
                        Journey.Details.NONE);
    }

    @Test
    void sharesTheRepeatedPartsOfAJourneyAndKeepsItsOwn() {
        SharedJourneyParts shared = new SharedJourneyParts();
        Journey first = shared.share(journey("a", "c-1", new byte[] {0, 1}, Map.of("value", "0")));
        Journey again = journey("b", new String("c-1"), new byte[] {0, 1}, new LinkedHashMap<>(Map.of("value", "0")));
        Journey second = shared.share(again);

        assertThat(second.id()).isEqualTo("b");
        assertThat(second.steps()).as("the same path").isSameAs(first.steps());
        assertThat(shared.steps(new int[] {1, 0})).as("another path").containsExactly(1, 0)
                .isNotSameAs(first.steps());
        assertThat(second.times()).containsExactly(1, 2);
        assertThat(second.types()).isSameAs(first.types());
        assertThat(second.attributes()).isSameAs(first.attributes());
        assertThat(second.customerId()).isEqualTo("c-1");
        assertThat(second.customerPart()).as("a numbered id's shared form").isSameAs(first.customerPart());
        assertThat(second.details()).isSameAs(first.details());
        assertThat(shared.share(second)).as("already shared").isSameAs(second);

        Journey named = shared.share(journey("c", "anna", new byte[] {0, 1}, Map.of()));
        Journey namedAgain = shared.share(journey("d", new String("anna"), new byte[] {0, 1}, Map.of()));
        assertThat(namedAgain.customerPart()).as("a string id shared").isSameAs(named.customerPart());
        assertThat(namedAgain.customerId()).isEqualTo("anna");
    }
}
