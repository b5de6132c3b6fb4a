package com.journeyexplorer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.journeyexplorer.demo.GeneratedJourneys.Journey;
import com.journeyexplorer.demo.GeneratedJourneys.Outcome;

class ClickstreamTests {

    private static final Set<String> STAGES = Set.of("awareness", "consideration", "purchase", "loyalty", "advocacy");

    @TempDir
    Path dir;

    private static GeneratedJourneys journeys(long seed, int count, int touchpoints) {
        return GeneratedJourneys.of(new Clickstream(seed, touchpoints), count);
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        Path other = dir.resolve("other.csv");

        long rows = DemoCsvWriter.write(new Clickstream(42), 3_000, first);
        DemoCsvWriter.write(new Clickstream(42), 3_000, second);
        DemoCsvWriter.write(new Clickstream(43), 3_000, other);

        assertThat(rows).isGreaterThan(20_000);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(first));
    }

    @Test
    void streamsJourneysOneAfterAnotherInTimeOrder() {
        List<String> order = new ArrayList<>();
        long[] last = {Long.MIN_VALUE};
        new Clickstream(1, 300).generate(1_500, event -> {
            if (order.isEmpty() || !order.get(order.size() - 1).equals(event.journeyId())) {
                order.add(event.journeyId());
                last[0] = Long.MIN_VALUE;
            }
            assertThat(event.timestamp()).isGreaterThanOrEqualTo(last[0]);
            last[0] = event.timestamp();
        });

        assertThat(order).hasSize(1_500).doesNotHaveDuplicates();
        assertThat(order.get(0)).isEqualTo("web-0000001");
        assertThat(order.get(1_499)).isEqualTo("web-0001500");
    }

    @Test
    void usesThousandsOfTouchpointsWithZipfPopularityAndSparseNavigation() {
        GeneratedJourneys generated = journeys(42, 20_000, 5_000);
        Map<String, Integer> visits = new HashMap<>();
        Map<String, Set<String>> successors = new HashMap<>();
        for (Journey journey : generated.journeys) {
            List<DemoEvent> events = journey.events();
            for (int i = 0; i < events.size(); i++) {
                visits.merge(events.get(i).touchpoint(), 1, Integer::sum);
                if (i > 0) {
                    successors.computeIfAbsent(events.get(i - 1).touchpoint(), k -> new HashSet<>())
                            .add(events.get(i).touchpoint());
                }
            }
        }
        List<Integer> products = visits.entrySet().stream().filter(e -> e.getKey().startsWith("Product "))
                .map(Map.Entry::getValue).sorted((a, b) -> b - a).toList();

        assertThat(visits.size()).as("touchpoints visited").isGreaterThan(2_000);
        assertThat(products.size()).as("product pages visited").isGreaterThan(1_500);
        // Zipf-like: the most visited product page far above the median one
        assertThat(products.get(0)).isGreaterThan(20 * products.get(products.size() / 2));
        // sparse: no page other than the search engine's entry leads to more than a few hundred others
        assertThat(successors.entrySet()).filteredOn(e -> !e.getKey().equals("Google search"))
                .allSatisfy(e -> assertThat(e.getValue()).hasSizeLessThan(400));
        assertThat(new Clickstream(42).touchpoints()).isEqualTo(Clickstream.DEFAULT_TOUCHPOINTS);
    }

    @Test
    void journeysAreLongWithAHeavyTailAndEndInEveryOutcome() {
        GeneratedJourneys generated = journeys(42, 20_000, 5_000);
        double meanLength = generated.journeys.stream().mapToInt(j -> j.events().size()).average().orElseThrow();
        long overFifty = generated.journeys.stream().filter(j -> j.events().size() > 50).count();

        assertThat(meanLength).isBetween(8.0, 12.0);
        assertThat(overFifty).isPositive();
        assertThat(generated.share(Outcome.PURCHASE)).isBetween(0.03, 0.15);
        assertThat(generated.share(Outcome.DIVERTED)).isBetween(0.05, 0.25);
        assertThat(generated.share(Outcome.ABANDONED)).isBetween(0.6, 0.9);
        assertThat(generated.journeys).allSatisfy(journey -> {
            List<DemoEvent> events = journey.events();
            assertThat(events.stream().filter(e -> e.type().equals(DemoEvent.PURCHASE)).count()).isLessThanOrEqualTo(1);
            if (journey.outcome() == Outcome.ABANDONED) {
                assertThat(journey.last().type()).isEqualTo(DemoEvent.ABANDON);
                assertThat(journey.last().owner()).isEqualTo(DemoEvent.OWN);
            }
        });
    }

    @Test
    void funnelStepsCompetitorsSegmentsDevicesAndAYearOfTimestamps() {
        GeneratedJourneys generated = journeys(42, 20_000, 2_000);
        Set<String> segments = new HashSet<>();
        Set<String> devices = new HashSet<>();
        Set<String> competitors = new HashSet<>();
        Map<String, Set<String>> segmentsOfCustomer = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Journey journey : generated.journeys) {
            for (DemoEvent event : journey.events()) {
                segments.add(event.segment());
                devices.add(event.device());
                assertThat(event.stage()).isIn(STAGES);
                if (event.owner().equals(DemoEvent.COMPETITOR)) {
                    competitors.add(event.touchpoint());
                }
                if (event.type().equals(DemoEvent.PURCHASE)) {
                    assertThat(event.touchpoint()).isEqualTo("Order confirmation");
                    assertThat(event.value()).isPositive();
                }
                first = Math.min(first, event.timestamp());
                last = Math.max(last, event.timestamp());
            }
            segmentsOfCustomer.computeIfAbsent(journey.events().get(0).customerId(), k -> new HashSet<>())
                    .add(journey.segment());
        }
        List<Journey> buyers = generated.where(j -> j.outcome() == Outcome.PURCHASE);

        assertThat(segments).containsExactlyInAnyOrder("window shopper", "deal seeker", "regular");
        assertThat(devices).containsExactlyInAnyOrder("mobile", "desktop", "tablet");
        assertThat(competitors).containsExactlyInAnyOrder("CompetitorA shop", "CompetitorB marketplace");
        assertThat(buyers).isNotEmpty().allSatisfy(j -> assertThat(j.visits("Cart") && j.visits("Checkout - address")
                && j.visits("Checkout - shipping") && j.visits("Checkout - payment")).isTrue());
        // returning customers keep their segment
        assertThat(segmentsOfCustomer).hasSizeLessThan(generated.journeys.size() / 2)
                .allSatisfy((customer, kept) -> assertThat(kept).hasSize(1));
        assertThat(last - first).isGreaterThan(300L * 86_400_000L);
        assertThat(GeneratedJourneys.purchaseRate(generated.where(j -> j.segment().equals("regular"))))
                .isGreaterThan(2 * GeneratedJourneys.purchaseRate(generated.where(
                        j -> j.segment().equals("window shopper"))));
    }

    /**
     * Rage clicks only when asked for: the same journeys then, each with its frustration events added before the
     * visit they belong to, at the search results, the cart and the checkout, in about one journey in fourteen.
     */
    @Test
    void addsRageClicksToTheSameJourneysOnlyWhenAskedFor() {
        GeneratedJourneys plain = journeys(42, 20_000, 5_000);
        GeneratedJourneys frustrated = GeneratedJourneys.of(new Clickstream(42, 5_000, true), 20_000);
        Set<String> pages = new HashSet<>();
        int journeysWithSome = 0;
        for (int j = 0; j < plain.journeys.size(); j++) {
            List<DemoEvent> events = frustrated.journeys.get(j).events();
            List<String> withoutThem = new ArrayList<>();
            boolean some = false;
            for (int i = 0; i < events.size(); i++) {
                DemoEvent event = events.get(i);
                if (event.type().equals(DemoEvent.FRUSTRATION)) {
                    some = true;
                    pages.add(event.touchpoint());
                    assertThat(events.get(i + 1).touchpoint()).as("the visit after its rage clicks")
                            .isEqualTo(event.touchpoint());
                } else {
                    withoutThem.add(event.touchpoint() + " " + event.type());
                }
            }
            journeysWithSome += some ? 1 : 0;
            assertThat(withoutThem).isEqualTo(plain.journeys.get(j).events().stream()
                    .map(event -> event.touchpoint() + " " + event.type()).toList());
        }

        assertThat(plain.journeys).allSatisfy(journey -> assertThat(journey.events())
                .noneMatch(event -> event.type().equals(DemoEvent.FRUSTRATION)));
        assertThat(pages).containsExactlyInAnyOrder("Search results", "Cart", "Checkout - shipping",
                "Checkout - payment");
        assertThat(journeysWithSome / 20_000.0).isBetween(0.05, 0.1);
    }

    @Test
    void rejectsTooFewTouchpointsAndNegativeCounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Clickstream(1, 59)).withMessageContaining("60");
        assertThatIllegalArgumentException().isThrownBy(() -> new Clickstream(1, 100).generate(-1, e -> {
        }));
    }

    @Test
    void mainWritesTheClickstreamForTheGivenShapeSizeAndSeed() throws IOException {
        Path file = dir.resolve("main.csv");
        Path expected = dir.resolve("expected.csv");

        DemoCsvWriter.main(new String[] {"--shape=clickstream", "--touchpoints=800", "40", file.toString(), "9"});
        DemoCsvWriter.write(new Clickstream(9, 800), 40, expected);

        assertThat(Files.readAllLines(file)).hasSizeGreaterThan(200).isEqualTo(Files.readAllLines(expected));
    }

    @Test
    void mainWritesRageClicksIntoTheClickstreamWhenAskedFor() throws IOException {
        Path file = dir.resolve("main.csv");
        Path expected = dir.resolve("expected.csv");

        DemoCsvWriter.main(new String[] {"--shape=clickstream", "--frustration", "400", file.toString(), "9"});
        DemoCsvWriter.write(new Clickstream(9, Clickstream.DEFAULT_TOUCHPOINTS, true), 400, expected);

        assertThat(Files.readAllLines(file)).isEqualTo(Files.readAllLines(expected))
                .anyMatch(line -> line.contains(",frustration,"));
    }
}
