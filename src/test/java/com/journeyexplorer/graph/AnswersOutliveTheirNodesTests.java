package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * An answer joined to a journey is a relationship of the journey's node: when an undo deletes that journey, or the
 * touchpoint the answer points to, the answer stays stored (as a {@code Response} node with the journey's id, or
 * pointing at its journey), as it stays in memory, so that the store and the answers in memory agree.
 */
class AnswersOutliveTheirNodesTests extends ApiTestSupport {

    @Autowired
    FeedbackGraph feedback;

    @Autowired
    ResponseStore store;

    @Test
    void undoingTheImportOfTheirJourneyAndTouchpointKeepsTheAnswersOfALaterFeedbackImport() {
        assertThat(post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint,type
                stay-1,stay-c,2026-04-01T10:00:00Z,Home,touchpoint
                """).status()).isEqualTo(200);
        Response later = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint,type
                gone-1,gone-c,2026-04-02T10:00:00Z,Home,touchpoint
                gone-1,gone-c,2026-04-02T10:05:00Z,New page,purchase
                """);
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        Response answers = post("/api/feedback", "text/csv", """
                response_id,journey_id,touchpoint,score,scale,comment
                on-gone-page,gone-1,New page,2,csat,slow
                on-gone-journey,gone-1,,9,nps,
                stay-at-new-page,stay-1,New page,5,csat,
                """);
        assertThat(answers.status()).as(answers.body()).isEqualTo(200);
        List<SurveyResponse> before = sorted(feedback.responses());
        assertThat(before).hasSize(3).allMatch(SurveyResponse::isMatched);

        Response undo = send(HttpRequest.newBuilder(uri("/api/imports/" + later.json().get("importId").asString()))
                .DELETE().header("X-API-Key", API_KEY).build());

        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(undo.json().get("responsesRemoved").asLong()).as("none was given on its events").isZero();
        assertThat(sorted(feedback.responses())).isEqualTo(before);
        assertThat(sorted(store.load())).as("stored as they are in memory").isEqualTo(before);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (t:Touchpoint {name: 'New page'}) RETURN count(t) AS n").single()
                    .get("n").asLong()).as("the undo deleted the touchpoint").isZero();
            assertThat(session.run("MATCH (r:Response {journeyId: 'gone-1'}) RETURN collect(r.id) AS ids").single()
                    .get("ids").asList()).containsExactlyInAnyOrder("on-gone-page", "on-gone-journey");
            assertThat(session.run("""
                    MATCH (j:Journey {id: 'stay-1'})-[a:ANSWERED]->(j)
                    RETURN a.id AS id, a.touchpoint AS touchpoint""").single().asMap())
                    .isEqualTo(java.util.Map.of("id", "stay-at-new-page", "touchpoint", "New page"));
        }
    }

    private static List<SurveyResponse> sorted(List<SurveyResponse> responses) {
        return responses.stream().sorted(Comparator.comparing(SurveyResponse::id)).toList();
    }
}
