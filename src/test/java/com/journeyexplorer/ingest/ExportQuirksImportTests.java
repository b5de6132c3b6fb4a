package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Quirks of files as spreadsheets, analytics tools and scripts export them, imported over HTTP and compared with what
 * the file means: the stored journeys, or a refusal that names the line, field and reason with nothing written.
 * Each test uses its own journey ids, so the tests are independent although they share one database.
 */
@TestPropertySource(properties = "journeys.open-horizon=0s")
class ExportQuirksImportTests extends ApiTestSupport {

    private static final String CSV = "text/csv";
    private static final String HEADER = "journey_id,timestamp,touchpoint\n";

    @Test
    void namesTheLineOfABadRowAfterBlankLinesAndQuotedLineBreaks() {
        String csv = HEADER + "\nbl-1,2026-03-01T10:00:00Z,\"Product\npage\"\n\n\r\nbl-1,yesterday,Cart\n\n";

        JsonNode error = rejected(csv).get("errors").get(0);

        assertThat(error.get("line").asLong()).as(error.toString()).isEqualTo(7);
        assertThat(error.get("field").asString()).isEqualTo("timestamp");
    }

    @Test
    void anUnclosedQuoteIsRefusedAtTheLineItOpensSayingSo() {
        String csv = HEADER + "uq-1,2026-03-01T10:00:00Z,Home\n\nuq-1,2026-03-01T10:05:00Z,\"Cart\nuq-1,"
                + "2026-03-01T10:06:00Z,Pay\n";

        JsonNode error = rejected(csv).get("errors").get(0);

        assertThat(error.get("line").asLong()).as(error.toString()).isEqualTo(4);
        assertThat(error.get("reason").asString()).contains("quoted field").doesNotContain("encapsulated");
    }

    @Test
    void readsGa4EventTimestampsInMicrosecondsAsAutoAndAsTold() {
        String ga4 = """
                user_pseudo_id,event_timestamp,event_name
                ga-1,1772359200123456,page_view
                ga-1,1772359260000999,add_to_cart
                """;
        String columns = "journeyColumn=user_pseudo_id&timestampColumn=event_timestamp&touchpointColumn=event_name";

        imported("?" + columns, ga4);
        imported("?timestampFormat=epoch-micros&" + columns, ga4.replace("ga-1", "ga-2"));

        for (String journey : List.of("ga-1", "ga-2")) {
            assertThat(times(journey)).as(journey).containsExactly(Instant.parse("2026-03-01T10:00:00.123Z"),
                    Instant.parse("2026-03-01T10:01:00Z"));
        }
        JsonNode error = rejected("?timestampFormat=epoch-millis&" + columns, ga4.replace("ga-1", "ga-3"))
                .get("errors").get(0);
        assertThat(error.get("reason").asString()).contains("outside the years 0001 to 9999 as epoch milliseconds");
    }

    @Test
    void refusesALocalTimeInTheHourTheClocksSkipRatherThanMovingItPastLaterEvents() {
        String csv = HEADER + "dst-1,2026-03-29 01:59 Europe/Paris,Home\ndst-1,2026-03-29 02:30 Europe/Paris,Search\n"
                + "dst-1,2026-03-29 03:10 Europe/Paris,Cart\n";

        JsonNode error = rejected("?timestampFormat=yyyy-MM-dd%20HH:mm%20VV", csv).get("errors").get(0);

        assertThat(error.get("line").asLong()).isEqualTo(3);
        assertThat(error.get("field").asString()).isEqualTo("timestamp");
        assertThat(error.get("reason").asString()).contains("does not exist in Europe/Paris")
                .contains("from 02:00 to 03:00");
        imported("?timestampFormat=yyyy-MM-dd%20HH:mm%20VV", csv.replace("02:30 Europe/Paris", "03:05 Europe/Paris"));
        assertThat(times("dst-1")).containsExactly(Instant.parse("2026-03-29T00:59:00Z"),
                Instant.parse("2026-03-29T01:05:00Z"), Instant.parse("2026-03-29T01:10:00Z"));
    }

    /** Posts {@code csv} with {@code query}, expects a 200 report, and returns it. */
    private JsonNode imported(String query, String csv) {
        Response response = post("/api/events" + query, CSV, csv);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<Instant> times(String journeyId) {
        List<Instant> times = new ArrayList<>();
        get("/api/journeys/" + journeyId).json().get("steps")
                .forEach(step -> times.add(Instant.parse(step.get("at").asString())));
        return times;
    }

    /** Posts {@code csv}, expects a 400 problem and an unchanged store, and returns the problem. */
    private JsonNode rejected(String csv) {
        return rejected("", csv);
    }

    /** Posts {@code csv} with {@code query}, expects a 400 problem and an unchanged store, and returns the problem. */
    private JsonNode rejected(String query, String csv) {
        String before = storeState();
        Response response = post("/api/events" + query, CSV, csv);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(storeState()).isEqualTo(before);
        return response.json();
    }

    private List<String> touchpoints(String journeyId) {
        List<String> names = new ArrayList<>();
        get("/api/journeys/" + journeyId).json().get("steps").forEach(s -> names.add(s.get("touchpoint").asString()));
        return names;
    }
}
