package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Touchpoint names with commas ({@code a,b}, {@code Pay, now}) in every list parameter of the analyses, read by one
 * rule: a value that is a stored name as a whole is that name, a single value is otherwise a comma list with CSV
 * quoting, a repeated parameter has one name per value. And the stage funnel's refusal of a repeated stage.
 */
@TestPropertySource(properties = "journeys.demo.load-on-start=false")
class NamesWithCommasApiTests extends ApiTestSupport {

    @BeforeEach
    void importNamesWithCommas() {
        if (get("/api/stats").json().get("journeys").asLong() > 0) {
            return;
        }
        String csv = """
                journey_id,timestamp,touchpoint,stage,type
                j1,2026-03-01T10:00:00Z,Home,awareness,
                j1,2026-03-01T10:01:00Z,"a,b",consideration,
                j1,2026-03-01T10:02:00Z,"Pay, now",purchase,purchase
                j2,2026-03-02T10:00:00Z,Home,awareness,
                j2,2026-03-02T10:01:00Z,"a,b",consideration,
                j2,2026-03-02T10:02:00Z,normal,consideration,
                j3,2026-03-03T10:00:00Z,"a,b",consideration,
                j3,2026-03-03T10:01:00Z,"Pay, now",purchase,purchase
                j4,2026-03-04T10:00:00Z,Home,awareness,
                j4,2026-03-04T10:01:00Z,normal,consideration,
                """;
        Response imported = post("/api/events?openHorizon=0", "text/csv", csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void theJourneyFiltersTakeANameWithACommaWholeQuotedOrRepeated() {
        assertThat(selected("contains=a%2Cb")).as("a stored name as a whole").isEqualTo(3);
        assertThat(selected("contains=Pay%2C%20now")).isEqualTo(2);
        assertThat(selected("contains=%22a%2Cb%22")).as("CSV-quoted").isEqualTo(3);
        assertThat(selected("contains=%22Pay%2C%20now%22,Home")).as("a quoted name in a comma list").isEqualTo(1);
        assertThat(selected("contains=a%2Cb&contains=normal")).as("repeated, one name each").isEqualTo(1);
        assertThat(selected("contains=Home,normal")).as("a comma list of plain names as before").isEqualTo(2);
        assertThat(selected("excludes=a%2Cb")).isEqualTo(1);
        assertThat(selected("startsWith=a%2Cb")).isEqualTo(1);
        assertThat(selected("startsWith=%22a%2Cb%22,Home")).isEqualTo(4);

        Response unclosed = get("/api/paths/top?contains=%22a%2Cb");
        assertThat(unclosed.status()).as(unclosed.body()).isEqualTo(400);
        assertThat(unclosed.json().get("parameter").asString()).isEqualTo("contains");
        assertThat(unclosed.json().get("detail").asString()).contains("quote that is not closed");
        Response unknown = get("/api/paths/top?contains=Home%2Cc");
        assertThat(unknown.status()).as("not a stored name: a comma list").isEqualTo(404);
        assertThat(unknown.json().get("touchpoint").asString()).isEqualTo("c");
    }

    @Test
    void compareSelectionsTakeANameWithACommaAsTheFiltersDo() {
        Response compare = get("/api/compare?a=contains%3Da%252Cb&b=contains%3D%2522Pay%252C%2520now%2522");

        assertThat(compare.status()).as(compare.body()).isEqualTo(200);
        assertThat(compare.json().get("a").get("journeys").asLong()).isEqualTo(3);
        assertThat(compare.json().get("b").get("journeys").asLong()).isEqualTo(2);
    }

    @Test
    void attributionRemovesALabelWithAComma() {
        Response attribution = get("/api/attribution?remove=a%2Cb");

        assertThat(attribution.status()).as(attribution.body()).isEqualTo(200);
        assertThat(attribution.json().get("removal").get("labels").get(0).asString()).isEqualTo("a,b");
        Response quoted = get("/api/attribution?remove=%22a%2Cb%22,Home");
        assertThat(quoted.status()).as(quoted.body()).isEqualTo(200);
        assertThat(quoted.json().get("removal").get("labels").size()).isEqualTo(2);
    }

    @Test
    void theTouchpointFunnelTakesANameWithACommaOnceAsWellAsRepeated() {
        Response whole = get("/api/funnel?steps=a%2Cb");
        assertThat(whole.status()).as(whole.body()).isEqualTo(200);
        assertThat(whole.json().get("steps").get(0).get("touchpoint").asString()).isEqualTo("a,b");
        assertThat(whole.json().get("steps").get(0).get("journeys").asLong()).isEqualTo(3);

        Response quoted = get("/api/funnel?steps=%22a%2Cb%22,%22Pay%2C%20now%22");
        assertThat(quoted.status()).as(quoted.body()).isEqualTo(200);
        JsonNode steps = quoted.json().get("steps");
        assertThat(steps.size()).isEqualTo(2);
        assertThat(steps.get(1).get("touchpoint").asString()).isEqualTo("Pay, now");
        assertThat(steps.get(1).get("journeys").asLong()).isEqualTo(2);
    }

    @Test
    void outcomeRulesTakeQuotedNamesAsImportsDo() {
        Response redefined = post("/api/outcomes?purchase=%22Pay%2C%20now%22", "text/plain", "");

        assertThat(redefined.status()).as(redefined.body()).isEqualTo(200);
        assertThat(redefined.json().get("purchase").get(0).asString()).isEqualTo("Pay, now");
        assertThat(redefined.json().get("purchase").size()).isEqualTo(1);
    }

    @Test
    void theStageFunnelRefusesAStageNamedTwice() {
        for (String stages : List.of("consideration,consideration", "awareness,Consideration,consideration")) {
            Response funnel = get("/api/funnel?stages=" + stages);

            assertThat(funnel.status()).as(funnel.body()).isEqualTo(400);
            assertThat(funnel.contentType()).startsWith("application/problem+json");
            assertThat(funnel.json().get("parameter").asString()).isEqualTo("stages");
            assertThat(funnel.json().get("detail").asString()).contains("'consideration' twice");
        }
        assertThat(get("/api/funnel?stages=awareness,consideration").status()).isEqualTo(200);
    }

    /** The journeys {@code /api/paths/top} selects with the filters {@code query}, already percent-encoded. */
    private long selected(String query) {
        Response top = get("/api/paths/top?" + query);
        assertThat(top.status()).as(query + ": " + top.body()).isEqualTo(200);
        return top.json().get("total").asLong();
    }
}
