package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** Posts {@code csv}, expects a 400 problem and an unchanged store, and returns the problem. */
    private JsonNode rejected(String csv) {
        String before = storeState();
        Response response = post("/api/events", CSV, csv);
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
