package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.demo.DemoEvent;
import com.journeyexplorer.demo.DemoStore;

import tools.jackson.databind.JsonNode;

/**
 * Time to convert and trends over real HTTP on the demo store (5,000 journeys, seed 42): the percentiles and
 * histograms against a literal computation over the generator's own events, the surcharge week flagged, and the
 * problems of bad input.
 */
@TestPropertySource(properties = {"journeys.demo.load-on-start=true", "journeys.demo.journeys=5000"})
class TrendsApiTests extends ApiTestSupport {

    private static final int JOURNEYS = 5000;
    /** The histogram's inner edges in milliseconds as the README lists them: 10^(k/2) s, rounded. */
    private static final long[] EDGES = {1_000L, 3_162L, 10_000L, 31_623L, 100_000L, 316_228L, 1_000_000L,
        3_162_278L, 10_000_000L, 31_622_777L, 100_000_000L, 316_227_766L, 1_000_000_000L, 3_162_277_660L,
        10_000_000_000L};

    @Test
    void timeToConvertMatchesALiteralComputationOverTheGeneratedEvents() {
        Map<String, List<DemoEvent>> journeys = generated();

        assertLiteral(ok("/api/time-to-convert"), journeys, null, null);
        assertLiteral(ok("/api/time-to-convert?fromTouchpoint=Cart&toTouchpoint=Checkout - payment"), journeys,
                "Cart", "Checkout - payment");
        assertLiteral(ok("/api/time-to-convert?fromTouchpoint=Checkout - shipping costs"), journeys,
                "Checkout - shipping costs", null);
    }

    @Test
    void theSurchargeWeekIsTheOneWeekFlagged() {
        JsonNode weeks = ok("/api/trends?interval=week");

        assertThat(weeks.get("interval").asString()).isEqualTo("week");
        assertThat(weeks.get("zone").asString()).isEqualTo("UTC");
        assertThat(weeks.get("correction").asString()).isEqualTo("holm");
        assertThat(weeks.get("selected").asLong()).isEqualTo(JOURNEYS);
        JsonNode periods = weeks.get("periods");
        assertThat(periods).hasSize(14);
        assertThat(periods.get(0).get("start").asString()).isEqualTo("2025-12-29");
        assertThat(weeks.get("testedPeriods").asInt()).isEqualTo(6);
        assertThat(weeks.get("flaggedPeriods").asInt()).isEqualTo(1);
        long sum = 0;
        for (JsonNode period : periods) {
            sum += period.get("journeys").asLong();
            JsonNode abandonment = period.get("abandonment");
            assertThat(abandonment.get("rate").asDouble()).isBetween(abandonment.get("lower").asDouble(),
                    abandonment.get("upper").asDouble());
            assertThat(abandonment.get("rate").asDouble()).isCloseTo(
                    abandonment.get("journeys").asDouble() / period.get("journeys").asLong(), within(1e-12));
            boolean surcharge = period.get("start").asString().equals("2026-03-02");
            assertThat(period.get("flagged").asBoolean()).as(period.get("start").asString()).isEqualTo(surcharge);
        }
        assertThat(sum).isEqualTo(JOURNEYS);
        JsonNode flagged = periods.get(9);
        assertThat(flagged.get("start").asString()).isEqualTo("2026-03-02");
        assertThat(flagged.get("abandonment").get("change").asString()).isEqualTo("up");
        assertThat(flagged.get("abandonment").get("adjustedPValue").asDouble()).isLessThanOrEqualTo(0.05);
        assertThat(flagged.get("abandonment").get("rate").asDouble())
                .isGreaterThan(flagged.get("abandonment").get("baselineRate").asDouble());
        assertThat(periods.get(0).get("abandonment").has("pValue")).as("not tested").isFalse();

        JsonNode newYork = ok("/api/trends?interval=month&zone=America/New_York&segment=trend follower"
                + "&baseline=1");
        assertThat(newYork.get("zone").asString()).isEqualTo("America/New_York");
        // the first hours of 2026 in UTC are still December in New York
        assertThat(newYork.get("periods")).extracting(period -> period.get("start").asString())
                .containsExactly("2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01");
        assertThat(newYork.get("testedPeriods").asInt()).isEqualTo(3);

        JsonNode from = ok("/api/trends?interval=week&from=2026-03-02&to=2026-03-08");
        assertThat(from.get("periods")).hasSize(1);
        assertThat(from.get("periods").get(0).get("flagged").asBoolean()).as("the baseline reaches back").isTrue();
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        assertProblem("/api/time-to-convert?fromTouchpoint=Teleport", "fromTouchpoint");
        assertProblem("/api/time-to-convert?toTouchpoint=Teleport", "toTouchpoint");
        assertProblem("/api/time-to-convert?toTouchpoint=", "toTouchpoint");
        assertProblem("/api/time-to-convert?segments=1000", "segments");
        assertProblem("/api/time-to-convert?level=channel", "level");
        assertProblem("/api/time-to-convert?percentile=50", "percentile");
        assertProblem("/api/trends?interval=hour", "interval");
        assertProblem("/api/trends?baseline=0", "baseline");
        assertProblem("/api/trends?alpha=0.5", "alpha");
        assertProblem("/api/trends?zone=Mars/Olympus", "zone");
        assertProblem("/api/trends?zone=+02:00", "zone");
        // The unencoded + arrives as a space, which is stripped: the problem says why the offset lost its sign.
        assertThat(get("/api/trends?zone=+02:00").json().get("detail").asString()).endsWith("was '02:00' (a + in a "
                + "query string is a space: write it %2B, zone=%2B02:00)");
        assertProblem("/api/trends?interval=day&from=2023-06-01&to=2026-02-25", "from"); // 1001 days
        assertProblem("/api/trends?interval=day&to=2030-12-31", "to");
        assertProblem("/api/trends?maxSteps=3", "maxSteps");
        // A year ISO allows beyond 9999 does not fit epoch milliseconds: a 400 naming the bound, not a server failure.
        assertProblem("/api/trends?from=%2B999999999-12-31T23:59:59Z", "from");
        assertProblem("/api/time-to-convert?to=-999999999-01-01T00:00", "to");
        assertProblem("/api/compare?a=from%3D%252B10000-01-01T00:00Z&b=", "a.from");
        assertProblem("/api/trends?to=0000-12-31", "to"); // a date too, as the README says
        assertThat(get("/api/time-to-convert?fromTouchpoint=cart").json().get("detail").asString())
                .endsWith("'cart' (names are case-sensitive: did you mean 'Cart'?)");
        Response tooMany = get("/api/trends?interval=day&from=2023-06-01&to=2026-02-25");
        assertThat(tooMany.json().get("detail").asString()).contains("1000", "interval");
        assertThat(tooMany.json().get("detail").asString()).endsWith("choose a longer interval (week or month) or a "
                + "shorter range (from, to)");
        Response tooManyMonths = get("/api/trends?interval=month&from=1900-01-01");
        assertThat(tooManyMonths.status()).isEqualTo(400);
        assertThat(tooManyMonths.json().get("detail").asString()).as("month is the longest interval")
                .endsWith(": choose a shorter range (from, to)");
        assertThat(ok("/api/trends?interval=day&from=2023-06-01&to=2026-02-24").get("periods")).hasSize(1000);
        // 2005-01-05 is a Wednesday: the range named is the one sent, not from the Monday of its week.
        Response tooManyWeeks = get("/api/trends?interval=week&from=2005-01-05&to=2030-12-31T12:00:00Z");
        assertThat(tooManyWeeks.status()).isEqualTo(400);
        assertThat(tooManyWeeks.json().get("detail").asString())
                .contains("more than 1000 week periods from 2005-01-05 to 2030-12-31T12:00:00Z: choose");
    }

    private void assertProblem(String pathAndQuery, String parameter) {
        Response response = get(pathAndQuery);
        assertThat(response.status()).as(pathAndQuery + " -> " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("parameter").asString()).as(pathAndQuery).isEqualTo(parameter);
    }

    /** The demo's events, as the store loaded them (same seed, same count), by journey in time order. */
    private static Map<String, List<DemoEvent>> generated() {
        Map<String, List<DemoEvent>> journeys = new LinkedHashMap<>();
        new DemoStore(42).generate(JOURNEYS, event -> journeys.computeIfAbsent(event.journeyId(),
                id -> new ArrayList<>()).add(event));
        return journeys;
    }

    /** The answer against durations computed event by event, sorted and read at the nearest rank. */
    private static void assertLiteral(JsonNode answer, Map<String, List<DemoEvent>> journeys, String from,
            String to) {
        Map<String, List<Long>> durations = new TreeMap<>();
        Map<String, Long> started = new TreeMap<>();
        long notStarted = 0;
        for (List<DemoEvent> events : journeys.values()) {
            int start = 0;
            while (from != null && start < events.size() && !events.get(start).touchpoint().equals(from)) {
                start++;
            }
            if (start == events.size()) {
                notStarted++;
                continue;
            }
            String segment = events.get(0).segment();
            started.merge(segment, 1L, Long::sum);
            // the purchase at or after the start; a touchpoint after a start visit, or from the first event on
            for (int i = from == null || to == null ? start : start + 1; i < events.size(); i++) {
                DemoEvent event = events.get(i);
                if (to == null ? event.type().equals(DemoEvent.PURCHASE) : event.touchpoint().equals(to)) {
                    durations.computeIfAbsent(segment, s -> new ArrayList<>())
                            .add(event.timestamp() - events.get(start).timestamp());
                    break;
                }
            }
        }
        assertThat(answer.get("notStarted").asLong()).isEqualTo(notStarted);
        List<Long> all = new ArrayList<>();
        durations.values().forEach(all::addAll);
        assertGroup(answer.get("all"), started.values().stream().mapToLong(Long::longValue).sum(), all);
        assertThat(answer.get("segments")).hasSize(started.size());
        for (JsonNode segment : answer.get("segments")) {
            String name = segment.get("segment").asString();
            assertGroup(segment, started.get(name), durations.getOrDefault(name, List.of()));
        }
    }

    private static void assertGroup(JsonNode group, long started, List<Long> durations) {
        List<Long> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        int n = sorted.size();
        assertThat(n).isPositive();
        assertThat(group.get("started").asLong()).isEqualTo(started);
        assertThat(group.get("converted").asLong()).isEqualTo(n);
        assertThat(group.get("notConverted").asLong()).isEqualTo(started - n);
        int[] percents = {50, 75, 90, 95, 99};
        for (int percent : percents) {
            int rank = (int) Math.max(1, Math.ceil(percent / 100.0 * n));
            assertThat(group.get("percentiles").get("p" + percent).asDouble()).as("p" + percent)
                    .isEqualTo(sorted.get(rank - 1) / 1000.0);
        }
        long[] bins = new long[EDGES.length + 1];
        for (long duration : sorted) {
            int bin = 0;
            while (bin < EDGES.length && EDGES[bin] <= duration) {
                bin++;
            }
            bins[bin]++;
        }
        JsonNode histogram = group.get("histogram");
        assertThat(histogram).hasSize(bins.length);
        for (int b = 0; b < bins.length; b++) {
            assertThat(histogram.get(b).get("journeys").asLong()).as("bin " + b).isEqualTo(bins[b]);
            assertThat(histogram.get(b).get("fromSeconds").asDouble()).isEqualTo(b == 0 ? 0 : EDGES[b - 1] / 1000.0);
        }
        assertThat(histogram.get(bins.length - 1).has("toSeconds")).isFalse();
    }

    private JsonNode ok(String pathAndQuery) {
        Response response = get(pathAndQuery);
        assertThat(response.status()).as(pathAndQuery + " -> " + response.body()).isEqualTo(200);
        return response.json();
    }
}
