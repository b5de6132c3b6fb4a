package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;

/**
 * The plain reads and the erasure refuse query parameters they do not read, with a 400 naming the parameter, rather
 * than answering as if it were not there: unfiltered counts for {@code /api/stats?segment=...}, or an erasure for
 * {@code ?dryRun=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownParametersApiTests extends ApiTestSupport {

    @BeforeAll
    void importTwoCustomers() {
        Response events = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint,segment
                k1,c1,2026-01-01T10:00:00Z,Ad,new
                k2,c2,2026-01-01T11:00:00Z,Ad,loyal
                """);
        assertThat(events.status()).as(events.body()).isEqualTo(200);
    }

    @Test
    void statsWithAFilterPointsToTheSummaryInsteadOfAnsweringTheTotals() {
        Response stats = get("/api/stats?segment=new");

        assertThat(stats.status()).as(stats.body()).isEqualTo(400);
        assertThat(stats.contentType()).startsWith("application/problem+json");
        assertThat(stats.json().get("parameter").asString()).isEqualTo("segment");
        assertThat(stats.json().get("detail").asString()).contains("known: none", "/api/summary");
        assertThat(get("/api/summary?segment=new").json().get("journeys").asLong()).isEqualTo(1);
    }

    @Test
    void touchpointsJourneysAndTheJournalNameTheParameterTheyDoNotRead() {
        assertRefused("/api/touchpoints?segment=new", "segment");
        assertRefused("/api/journeys/k1?expand=steps", "expand");
        assertRefused("/api/imports?limt=1", "limt");
        assertThat(get("/api/imports?limit=1").status()).isEqualTo(200);
        assertThat(get("/api/journeys/k1").status()).isEqualTo(200);
    }

    @Test
    void aParameterThatTakesOneValueGivenTwiceIsRefusedRatherThanReadAsTheFirst() {
        Response twoSegments = get("/api/summary?segment=new&segment=loyal");

        assertThat(twoSegments.status()).as("it answered the first segment alone").isEqualTo(400);
        assertThat(twoSegments.json().get("parameter").asString()).isEqualTo("segment");
        assertThat(twoSegments.json().get("detail").asString()).contains("takes one value, was given 2 ('new', "
                + "'loyal')");
        assertRefused("/api/graph?format=csv&format=dot", "format");
        assertRefused("/api/experience?attr.segment=new&attr.segment=loyal", "attr.segment");
        assertRefused("/api/compare?a=segment%3Dnew&a=segment%3Dloyal&b=", "a");
        assertThat(get("/api/paths/top?contains=Ad&contains=Ad").status()).as("a list may be repeated")
                .isEqualTo(200);
    }

    @Test
    void anErasureOrUploadWithAParameterGivenTwiceIsRefusedRatherThanReadJoinedWithAComma() {
        Response erasure = send(HttpRequest.newBuilder(uri("/api/customers?id=c1&id=c2")).DELETE()
                .header("X-API-Key", API_KEY).build());
        assertThat(erasure.status()).as("it erased a customer named 'c1,c2'").isEqualTo(400);
        assertThat(erasure.json().get("parameter").asString()).isEqualTo("id");
        assertThat(get("/api/journeys/k1").status()).isEqualTo(200);
        assertRefused("/api/journeys?id=k1&id=k2", "id");

        Response upload = post("/api/events?sessionGap=1h&sessionGap=2h", "text/csv",
                "journey_id,timestamp,touchpoint\nk9,2026-01-02T10:00:00Z,Ad\n");
        assertThat(upload.status()).isEqualTo(400);
        assertThat(upload.json().get("detail").asString()).contains("takes one value, was given 2 ('1h', '2h')");
        Response rules = post("/api/events?purchase=Ad&purchase=Home", "text/csv",
                "journey_id,timestamp,touchpoint\nk9,2026-01-02T10:00:00Z,Ad\n");
        assertThat(rules.status()).as("outcome rules are lists: " + rules.body()).isEqualTo(200);
    }

    @Test
    void anErasureWithAnOptionItDoesNotKnowErasesNothing() {
        Response erasure = send(HttpRequest.newBuilder(uri("/api/customers/c1?dryRun=true")).DELETE()
                .header("X-API-Key", API_KEY).build());

        assertThat(erasure.status()).as(erasure.body()).isEqualTo(400);
        assertThat(erasure.json().get("parameter").asString()).isEqualTo("dryRun");
        assertThat(get("/api/journeys/k1").status()).as("c1's journey is still there").isEqualTo(200);
    }

    private void assertRefused(String path, String parameter) {
        Response response = get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
        assertThat(response.json().get("parameter").asString()).isEqualTo(parameter);
    }
}
