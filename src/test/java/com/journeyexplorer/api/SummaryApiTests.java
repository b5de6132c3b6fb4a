package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/** {@code GET /api/summary} counts the touchpoints of the selection apart from those of the whole data set. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryApiTests extends ApiTestSupport {

    @BeforeAll
    void importTwoSegments() {
        Response events = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint,segment
                k1,c1,2026-01-01T10:00:00Z,Ad,new
                k1,c1,2026-01-01T10:05:00Z,Cart,new
                k1,c1,2026-01-01T10:09:00Z,Ad,new
                k2,c2,2026-01-01T11:00:00Z,Search,loyal
                k2,c2,2026-01-01T11:05:00Z,Help,loyal
                k3,c3,2026-01-02T09:00:00Z,Search,loyal
                """);
        assertThat(events.status()).as(events.body()).isEqualTo(200);
    }

    @Test
    void countsTheDistinctTouchpointsTheSelectedJourneysVisitBesideTheDataSets() {
        JsonNode newcomers = get("/api/summary?segment=new").json();
        assertThat(newcomers.get("journeys").asLong()).isEqualTo(1);
        assertThat(newcomers.get("touchpointsVisited").asInt()).as("Ad and Cart, Ad counted once").isEqualTo(2);
        assertThat(newcomers.get("data").get("touchpoints").asInt()).as("the whole data set's").isEqualTo(4);

        assertThat(get("/api/summary?segment=loyal").json().get("touchpointsVisited").asInt()).isEqualTo(2);
        assertThat(get("/api/summary").json().get("touchpointsVisited").asInt()).isEqualTo(4);
        JsonNode nobody = get("/api/summary?segment=nobody").json();
        assertThat(nobody.get("journeys").asLong()).isZero();
        assertThat(nobody.get("touchpointsVisited").asInt()).isZero();
    }
}
