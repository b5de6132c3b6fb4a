package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;

/**
 * Without survey answers, top paths, graph exports and the comparison answer as before: no responses, meanScore or
 * experience fields (the process-mining running example, which has no answers); the experience says how to add them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperienceFieldsWithoutAnswersApiTests extends ApiTestSupport {

    @BeforeAll
    void importTheRunningExample() {
        Response response = postRunningExample();
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    @Test
    void topPathsCarryNoExperience() {
        assertNoExperience("/api/paths/top?limit=10", "\"variants\"");
    }

    @Test
    void touchpointFunnelCarriesNoExperience() {
        assertNoExperience("/api/funnel?steps=register request,decide", "\"steps\"");
    }

    @Test
    void graphExportsCarryNoExperience() {
        assertNoExperience("/api/graph?format=node-link", "\"nodes\"");
        assertNoExperience("/api/graph?format=cytoscape", "\"elements\"");
    }

    @Test
    void compareCarriesNoExperience() {
        assertNoExperience("/api/compare?a=&b=outcome%3Dpurchase", "\"outcomes\"");
    }

    @Test
    void experienceSaysThereAreNoAnswersYet() {
        Response response = get("/api/experience");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("No survey answers yet: import them with POST /api/feedback");
    }

    private void assertNoExperience(String path, String expectedField) {
        Response response = get(path.replace(" ", "%20"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains(expectedField).doesNotContain("\"responses\"")
                .doesNotContain("\"meanScore\"").doesNotContain("\"experience\"");
    }
}
