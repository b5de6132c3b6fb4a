package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/** A time budget no analysis can meet: each is stopped with a 503 problem that says how to narrow the request. */
@TestPropertySource(properties = "journeys.analysis.time-budget=1ns")
class AnalysisBudgetTests extends ApiTestSupport {

    @Test
    void stopsAnAnalysisPastItsBudgetWithAProblemNamingWhatWouldNarrowIt() {
        assertThat(post("/api/events", "text/csv", """
                journey_id,timestamp,touchpoint,type
                b-1,2026-03-01T10:00:00Z,Newsletter,
                b-1,2026-03-01T10:09:00Z,Checkout,purchase
                """).status()).isEqualTo(200);

        Response top = get("/api/paths/top?segment=x");
        assertThat(top.status()).as(top.body()).isEqualTo(503);
        assertThat(top.contentType()).startsWith("application/problem+json");
        JsonNode problem = top.json();
        assertThat(problem.get("type").asString()).endsWith("/analysis-too-slow");
        assertThat(problem.get("detail").asString()).contains("journeys.analysis.time-budget");
        assertThat(problem.get("narrowWith").asString()).contains("from/to").contains("level=channel");

        Response attribution = get("/api/attribution");
        assertThat(attribution.status()).as(attribution.body()).isEqualTo(503);
        assertThat(attribution.json().get("narrowWith").asString()).startsWith("order=1");
    }

    @Test
    void leavesImportsAndCypherOutsideTheAnalysisBudget() {
        assertThat(post("/api/events", "text/csv", """
                journey_id,timestamp,touchpoint
                b-2,2026-03-01T10:00:00Z,Newsletter
                """).status()).isEqualTo(200);
        assertThat(post("/api/cypher", "application/json", "{\"query\":\"RETURN 1 AS one\"}").status()).isEqualTo(200);
    }
}
