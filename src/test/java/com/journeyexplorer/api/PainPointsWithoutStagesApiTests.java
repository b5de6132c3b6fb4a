package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/** A pain point at a touchpoint imported without channel or stage leaves both out, as every answer does, not "". */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PainPointsWithoutStagesApiTests extends ApiTestSupport {

    @BeforeAll
    void importJourneysWithoutChannelsOrStagesAndABadAnswer() {
        Response events = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint
                j1,2026-03-10T12:00:00Z,Lonely page
                """);
        assertThat(events.status()).as(events.body()).isIn(200, 201);
        Response answers = post("/api/feedback", "text/csv", """
                response_id,journey_id,touchpoint,score,scale
                r1,j1,Lonely page,0,nps
                """);
        assertThat(answers.status()).as(answers.body()).isEqualTo(200);
    }

    @Test
    void aPainPointWithoutChannelOrStageLeavesThemOut() {
        Response response = get("/api/experience/painpoints?minResponses=1");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode painPoint = response.json().get("painPoints").get(0);
        assertThat(painPoint.get("touchpoint").asString()).isEqualTo("Lonely page");
        assertThat(painPoint.has("stage")).as(response.body()).isFalse();
        assertThat(painPoint.has("channel")).as(response.body()).isFalse();
    }
}
