package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/outcomes} on the running example (an XES log in test resources): new purchase and competitor rules
 * recompute every stored journey, in Neo4j (journey outcomes, the TRANSITION graph) and in every answer, journaled and
 * undoable.
 */
class OutcomeRedefinitionApiTests extends ApiTestSupport {

    private static byte[] runningExample() {
        try (InputStream input = OutcomeRedefinitionApiTests.class.getResourceAsStream("/xes/running-example.xes")) {
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running example with purchases at "pay compensation" (cases 2, 3, 6), whatever a test changed before. */
    @BeforeEach
    void runningExampleWithPaymentAsPurchase() {
        Response imported = postBytes("/api/events?purchase=pay compensation&openHorizon=0", "application/xes+xml",
                runningExample());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Response reset = post("/api/outcomes?purchase=pay compensation&competitor=", "text/plain", "");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    }

    private Map<String, Long> transitionsInto(String outcomeNode) {
        Map<String, Long> counts = new HashMap<>();
        try (var session = driver.session()) {
            session.run("MATCH (t:Touchpoint)-[r:TRANSITION]->(:Touchpoint {name: $node}) RETURN t.name AS t, "
                    + "r.count AS n", Map.of("node", outcomeNode))
                    .forEachRemaining(row -> counts.put(row.get("t").asString(), row.get("n").asLong()));
        }
        return counts;
    }

    private String storedOutcome(String journeyId) {
        try (var session = driver.session()) {
            return session.run("MATCH (j:Journey {id: $id}) RETURN j.outcome AS o", Map.of("id", journeyId))
                    .single().get("o").asString();
        }
    }

    private void assertConsistent() {
        try (var session = driver.session()) {
            String check;
            try {
                check = Files.readString(Path.of("cypher", "consistency-check.cypher"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(session.run(check.replaceAll("(?m)^\\s*//.*$", "").strip().replaceAll(";$", "")).list())
                    .as("transitions that disagree with the journeys").isEmpty();
        }
    }

    @Test
    void redefinesPurchasesOfEveryStoredJourneyInNeo4jAndInEveryAnswer() {
        assertThat(get("/api/journeys/1").json().get("outcome").asString()).isEqualTo("ABANDONED");

        Response response = post("/api/outcomes?purchase=reject request", "text/plain", "");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("journeysChanged").asLong()).isEqualTo(6);
        assertThat(answer.get("purchaseEvents").asLong()).isEqualTo(3);
        assertThat(answer.get("importId").asString()).isNotBlank();
        // Cases 1, 4 and 5 end with "reject request": purchases now; 2, 3 and 6 no longer.
        assertThat(get("/api/journeys/1").json().get("outcome").asString()).isEqualTo("PURCHASE");
        assertThat(get("/api/journeys/3").json().get("outcome").asString()).isEqualTo("ABANDONED");
        assertThat(get("/api/journeys/3").json().get("steps").get(8).get("type").asString()).isEqualTo("touchpoint");
        assertThat(storedOutcome("1")).isEqualTo("PURCHASE");
        assertThat(storedOutcome("3")).isEqualTo("ABANDONED");
        assertThat(get("/api/stats").json().get("outcomes").get("PURCHASE").asLong()).isEqualTo(3);
        assertThat(transitionsInto("(purchase)")).isEqualTo(Map.of("reject request", 3L));
        assertThat(transitionsInto("(abandoned)")).isEqualTo(Map.of("pay compensation", 3L));
        assertThat(get("/api/paths/top?outcome=purchase&limit=1").json().get("variants").get(0).get("steps")
                .toString()).endsWith("\"reject request\"]");
        assertConsistent();
    }

    @Test
    void purchaseInTheMiddleEndsThePathToPurchase() {
        Response response = post("/api/outcomes?purchase=decide", "text/plain", "");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(get("/api/stats").json().get("outcomes").get("PURCHASE").asLong()).isEqualTo(6);
        assertThat(get("/api/journeys/3").json().get("pathToPurchaseLength").asInt()).isEqualTo(4);
    }

    @Test
    void competitorRuleMakesJourneysDiverted() {
        Response response = post("/api/outcomes?competitor=reject request", "text/plain", "");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("competitors").asLong()).isEqualTo(1);
        JsonNode outcomes = get("/api/stats").json().get("outcomes");
        assertThat(outcomes.get("PURCHASE").asLong()).isEqualTo(3);
        assertThat(outcomes.get("DIVERTED").asLong()).isEqualTo(3);
        assertThat(storedOutcome("4")).isEqualTo("DIVERTED");
        assertThat(transitionsInto("(diverted)")).isEqualTo(Map.of("reject request", 3L));
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (t:Touchpoint {name: 'reject request'}) RETURN t.owner AS o").single()
                    .get("o").asString()).isEqualTo("competitor");
        }
    }

    @Test
    void undoingARedefinitionPutsTheOutcomesBack() {
        String before = get("/api/stats").body();
        String transitions = get("/api/transitions").body();
        String importId = post("/api/outcomes?purchase=reject request&competitor=pay compensation", "text/plain", "")
                .json().get("importId").asString();
        assertThat(get("/api/stats").json().get("outcomes").get("DIVERTED").asLong()).isEqualTo(3);

        Response undo = send(java.net.http.HttpRequest.newBuilder(uri("/api/imports/" + importId))
                .header("X-API-Key", API_KEY).DELETE().build());

        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(get("/api/stats").body()).isEqualTo(before);
        assertThat(get("/api/transitions").body()).isEqualTo(transitions);
        assertThat(storedOutcome("3")).isEqualTo("PURCHASE");
        assertConsistent();
    }

    @Test
    void rejectsUnknownTouchpointsNamingThemAndChangesNothing() {
        String before = storeState();

        Response response = post("/api/outcomes?purchase=Pay compensation", "text/plain", "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("parameter").asString()).isEqualTo("purchase");
        assertThat(problem.get("detail").asString()).contains("'Pay compensation'",
                "did you mean 'pay compensation'");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void rejectsAMisspeltParameterNamingItAndChangesNothing() {
        String before = storeState();

        Response response = post("/api/outcomes?purchase=pay compensation&competiter=reject request", "text/plain",
                "");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("parameter").asString()).isEqualTo("competiter");
        assertThat(response.json().get("detail").asString()).contains("known: competitor, purchase");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void rejectsARequestWithoutRulesAndOneWithoutTheKey() {
        Response withoutRules = post("/api/outcomes", "text/plain", "");
        assertThat(withoutRules.status()).isEqualTo(400);
        assertThat(withoutRules.json().get("detail").asString()).startsWith("Parameter 'purchase' or "
                + "'competitor' is required: 'purchase' names the touchpoints whose events are purchases");
        String before = storeState();

        Response unauthorized = post("/api/outcomes?purchase=decide", "text/plain", "", null);

        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void theOpenApiDescriptionListsTheRulesTheEndpointTakes() {
        JsonNode operation = get("/v3/api-docs").json().get("paths").get("/api/outcomes").get("post");
        List<String> documented = new ArrayList<>();
        JsonNode parameters = operation.get("parameters");
        assertThat(parameters).as("the parameters of POST /api/outcomes in OpenAPI").isNotNull();
        for (JsonNode parameter : parameters) {
            assertThat(parameter.get("in").asString()).isEqualTo("query");
            documented.add(parameter.get("name").asString());
        }
        assertThat(documented).containsExactlyInAnyOrder("purchase", "competitor", "urls", "rewrite");
        for (String name : documented) {
            Response known = post("/api/outcomes?" + name + "=", "text/plain", "");
            assertThat(known.body()).as(name + " is a parameter the endpoint reads")
                    .doesNotContain("is not a parameter");
        }
    }
}
