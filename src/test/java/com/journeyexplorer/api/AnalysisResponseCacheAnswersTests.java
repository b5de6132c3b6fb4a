package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

/**
 * Answers that carry survey responses (top paths here) are kept for the current answers too: an import of survey
 * answers, which leaves the snapshot as it is, makes the next answer fresh.
 */
class AnalysisResponseCacheAnswersTests extends ApiTestSupport {

    @Test
    void anImportOfSurveyAnswersMakesTheNextAnswerFresh() {
        assertThat(post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint
                cache-c,2026-03-01T10:00:00Z,Home
                cache-c,2026-03-01T10:01:00Z,Cart
                """).status()).isEqualTo(200);
        Response before = get("/api/paths/top?outcome=any&limit=5");
        assertThat(get("/api/paths/top?outcome=any&limit=5").cache()).isEqualTo("HIT");

        Response imported = post("/api/feedback", "text/csv", """
                journey_id,score,scale
                cache-c,5,csat
                """);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Response after = get("/api/paths/top?outcome=any&limit=5");

        assertThat(after.cache()).isEqualTo("MISS");
        assertThat(before.body()).doesNotContain("\"meanScore\"");
        assertThat(after.body()).contains("\"responses\":1", "\"meanScore\":1.0");
    }
}
