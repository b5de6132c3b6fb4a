package com.journeyexplorer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.demo.GeneratedJourneys.Journey;
import com.journeyexplorer.demo.GeneratedJourneys.Outcome;

class DemoStoreTests {

    private static final Set<String> STAGES = Set.of("awareness", "consideration", "purchase", "loyalty", "advocacy");
    private static final long DAY = 86_400_000L;

    private static List<DemoEvent> events(long seed, int journeys) {
        List<DemoEvent> events = new ArrayList<>();
        new DemoStore(seed).generate(journeys, events::add);
        return events;
    }

    @Test
    void sameSeedAndCountGiveTheSameEvents() {
        List<DemoEvent> first = events(7, 2_000);

        assertThat(first).hasSizeGreaterThan(4_000);
        assertThat(events(7, 2_000)).isEqualTo(first);
    }

    @Test
    void differentSeedsGiveDifferentEvents() {
        List<DemoEvent> seven = events(7, 500);
        List<DemoEvent> eight = events(8, 500);

        assertThat(eight).isNotEqualTo(seven);
        assertThat(eight.get(0).timestamp()).isNotEqualTo(seven.get(0).timestamp());
    }

    @Test
    void streamsJourneysOneAfterAnotherWithZeroPaddedIds() {
        List<String> order = new ArrayList<>();
        new DemoStore(1).generate(1_200, event -> {
            if (order.isEmpty() || !order.get(order.size() - 1).equals(event.journeyId())) {
                order.add(event.journeyId());
            }
        });

        assertThat(order).hasSize(1_200).doesNotHaveDuplicates();
        assertThat(order.get(0)).isEqualTo("demo-000001");
        assertThat(order.get(1_199)).isEqualTo("demo-001200");
        assertThat(DemoStore.journeyId(42, 8)).isEqualTo("demo-00000042");
    }

    @Test
    void everyJourneyIsWellFormed() {
        GeneratedJourneys generated = GeneratedJourneys.of(3, 5_000);

        assertThat(generated.journeys).hasSize(5_000);
        for (Journey journey : generated.journeys) {
            List<DemoEvent> events = journey.events();
            assertThat(events.stream().filter(event -> !event.type().equals(DemoEvent.FRUSTRATION)))
                    .as(journey.id()).hasSizeBetween(2, 16);
            DemoEvent first = events.get(0);
            assertThat(first.customerId()).startsWith("c-");
            assertThat(first.timestamp()).isBetween(DemoStore.BASE_EPOCH_MILLIS,
                    DemoStore.BASE_EPOCH_MILLIS + DemoStore.SPAN_MILLIS);
            for (int i = 0; i < events.size(); i++) {
                DemoEvent event = events.get(i);
                assertThat(event.customerId()).isEqualTo(first.customerId());
                assertThat(event.segment()).isEqualTo(first.segment());
                assertThat(event.device()).isEqualTo(first.device());
                assertThat(event.stage()).isIn(STAGES);
                assertThat(event.owner()).isEqualTo(event.channel().equals("competitor") ? "competitor" : "own");
                if (i > 0) {
                    assertThat(event.timestamp()).as(journey.id()).isGreaterThanOrEqualTo(events.get(i - 1).timestamp());
                }
                boolean purchase = event.type().equals(DemoEvent.PURCHASE);
                assertThat(purchase).isEqualTo(event.touchpoint().equals("Order confirmation"));
                assertThat(event.value() > 0).as(journey.id()).isEqualTo(purchase);
                if (event.type().equals(DemoEvent.ABANDON)) {
                    assertThat(i).as(journey.id()).isEqualTo(events.size() - 1);
                }
                if (event.type().equals(DemoEvent.FRUSTRATION)) {
                    assertThat(event.touchpoint()).isIn("Checkout - shipping costs", "Support email - slow answer");
                    assertThat(events.get(i + 1).touchpoint()).as("the visit it belongs to")
                            .isEqualTo(event.touchpoint());
                    assertThat(events.get(i + 1).type()).isNotEqualTo(DemoEvent.FRUSTRATION);
                }
            }
            assertThat(events.get(events.size() - 1).timestamp() - first.timestamp()).isLessThan(60 * DAY);
            assertThat(journey.last().type().equals(DemoEvent.ABANDON))
                    .as(journey.id()).isEqualTo(journey.outcome() == Outcome.ABANDONED);
        }
    }

    @Test
    void outcomesAreInTheIntendedRanges() {
        GeneratedJourneys generated = GeneratedJourneys.of(5, 10_000);

        assertThat(generated.share(Outcome.PURCHASE)).isBetween(0.15, 0.30);
        assertThat(generated.share(Outcome.DIVERTED)).isBetween(0.10, 0.20);
        assertThat(generated.where(j -> j.events().size() >= 8)).isNotEmpty();
    }

    @Test
    void someCustomersComeBackFromACompetitorAndBuy() {
        GeneratedJourneys generated = GeneratedJourneys.of(5, 10_000);

        List<Journey> wonBack = generated.where(j -> j.outcome() == Outcome.PURCHASE
                && j.events().stream().anyMatch(e -> e.owner().equals(DemoEvent.COMPETITOR)));

        assertThat(wonBack.size()).isGreaterThan(50);
    }

    @Test
    void usesTheStoresCatalogueOfTouchpointsAndPersonas() {
        Map<String, String> channelStage = new HashMap<>();
        Set<String> segments = new HashSet<>();
        Set<String> devices = new HashSet<>();
        new DemoStore(11).generate(20_000, event -> {
            String previous = channelStage.putIfAbsent(event.touchpoint(), event.channel() + "/" + event.stage());
            assertThat(previous).isIn(null, event.channel() + "/" + event.stage());
            segments.add(event.segment());
            devices.add(event.device());
        });

        assertThat(channelStage).hasSizeBetween(25, 40)
                .containsEntry("Checkout - shipping costs", "website/purchase")
                .containsEntry("Support email - slow answer", "support/consideration")
                .containsEntry("Influencer post", "social/awareness")
                .containsEntry("Review written", "website/advocacy")
                .containsEntry("CompetitorA site", "competitor/consideration");
        assertThat(segments).containsExactlyInAnyOrder("bargain hunter", "trend follower", "loyal customer",
                "gift buyer");
        assertThat(devices).containsExactlyInAnyOrder("mobile", "desktop", "tablet");
    }

    @Test
    void desktopJourneysNeverShowAppScreens() {
        List<DemoEvent> events = events(9, 5_000);

        assertThat(events).filteredOn(e -> e.device().equals("desktop")).isNotEmpty()
                .noneMatch(e -> e.channel().equals("app"));
    }

    @Test
    void rejectsANegativeJourneyCount() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DemoStore(1).generate(-1, e -> {
        })).withMessageContaining("journeys");
    }

    @Test
    void generatesNothingForZeroJourneys() {
        assertThat(events(1, 0)).isEmpty();
    }
}
