package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/touchpoints}, read strictly as {@code POST /api/cypher}'s: a misspelt member, a value
 * that is no string and a malformed body are each a 400 naming what is wrong, and change nothing.
 */
class TouchpointMetadataBodyApiTests extends ApiTestSupport {

    private static final String PAGE = "Strict body page";
    /** Changed by the one test that sets metadata, so that the others find {@link #PAGE} as imported. */
    private static final String CHANGED = "Strict body changed page";

    @BeforeEach
    void importThePage() {
        Response response = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint,channel,stage
                strict-1,2026-03-01T10:00:00Z,Strict body page,email,awareness
                strict-1,2026-03-01T10:05:00Z,Strict body changed page,email,awareness
                """);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private Response put(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", API_KEY)
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Response put(String body) {
        return put("/api/touchpoints/" + PAGE, "application/json", body);
    }

    private JsonNode page() {
        for (JsonNode touchpoint : get("/api/touchpoints").json()) {
            if (touchpoint.get("name").asString().equals(PAGE)) {
                return touchpoint;
            }
        }
        throw new AssertionError("no touchpoint " + PAGE);
    }

    private static void assertProblem(Response response, String parameter, String... detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("parameter").asString()).as(response.body()).isEqualTo(parameter);
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    @Test
    void aMisspeltMemberIsNamedWithTheAcceptedOnesAndChangesNothing() {
        assertProblem(put("{\"chanel\": \"web\", \"stage\": \"consideration\"}"), "chanel", "'chanel'",
                "accepted: channel, stage, owner");
        assertProblem(put("/api/touchpoints?name=" + PAGE.replace(" ", "%20"), "application/json",
                "{\"Owner\": \"competitor\"}"), "Owner", "accepted: channel, stage, owner");

        assertThat(page().get("channel").asString()).isEqualTo("email");
        assertThat(page().get("stage").asString()).isEqualTo("awareness");
    }

    @Test
    void aValueThatIsNoStringIsNamedWithWhatWasGiven() {
        assertProblem(put("{\"stage\": 5}"), "stage", "must be a string", "got a number");
        assertProblem(put("{\"channel\": [\"a\"]}"), "channel", "must be a string", "got an array");
        assertProblem(put("{\"owner\": true}"), "owner", "must be a string", "got a boolean");
        assertProblem(put("{\"channel\": {\"name\": \"web\"}}"), "channel", "got an object");

        assertThat(page().get("channel").asString()).isEqualTo("email");
        assertThat(page().get("stage").asString()).isEqualTo("awareness");
    }

    @Test
    void aBodyThatIsNoJsonObjectIsLocatedOrNamed() {
        assertProblem(put("{\"stage\": \"consideration\",\n  \"channel\": }"), "body", "not valid JSON",
                "line 2, column 14");
        assertProblem(put("stage=consideration"), "body", "not valid JSON", "line 1, column 1");
        assertProblem(put(""), "body", "empty");
        assertProblem(put("[\"consideration\"]"), "body", "must be a JSON object, got an array");
        assertProblem(put("{\"stage\": \"a\", \"stage\": \"b\"}"), "body", "not valid JSON");
        assertProblem(put("{\"stage\": \"consideration\"} {}"), "body", "not valid JSON");

        assertThat(page().get("stage").asString()).isEqualTo("awareness");
    }

    @Test
    void aBodyTooLargeIsA413AndNullsAndTheNameByParameterStillWork() {
        Response tooLarge = put("{\"stage\": \"" + "x".repeat(1 << 20) + "\"}");
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(page().get("stage").asString()).isEqualTo("awareness");

        Response ok = put("/api/touchpoints?name=" + CHANGED.replace(" ", "%20"), "application/json",
                "{\"channel\": null, \"stage\": \"consideration\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("channel").asString()).isEqualTo("email");
        assertThat(ok.json().get("stage").asString()).isEqualTo("consideration");
        assertThat(put("/api/touchpoints/" + CHANGED, "text/plain", "stage=x").status()).isEqualTo(415);
        for (String body : List.of("{}", "{\"owner\": null}")) {
            assertThat(put("/api/touchpoints/" + CHANGED, "application/json", body).status()).as(body)
                    .isEqualTo(200);
        }
    }
}
