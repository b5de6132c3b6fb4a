package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.TestData;

import tools.jackson.databind.JsonNode;

/**
 * The journey model on the process-mining running example, over HTTP on the embedded Neo4j. The log's extra columns
 * are of both kinds: {@code case:creator} is the same on every event of a case (a journey attribute), while
 * {@code org:resource}, {@code Resource}, {@code Activity} and {@code Costs} change from event to event (event
 * attributes). Imported with {@code purchase=decide}, every case purchases at its first decision and goes on after it
 * (reinitiate, pay compensation, reject request): the post-purchase part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunningExampleJourneyModelTests extends ApiTestSupport {

    @BeforeAll
    void importRunningExampleWithDecisionAsPurchase() {
        Response response = postFile("/api/events?journeyColumn=case:concept:name&touchpointColumn=concept:name"
                + "&timestampColumn=time:timestamp&purchase=decide&openHorizon=0", "text/csv",
                TestData.file("pm4py-running-example/running-example.csv"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private JsonNode ok(String pathAndQuery) {
        Response response = get(pathAndQuery);
        assertThat(response.status()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private long total(String filters) {
        return ok("/api/paths/top?" + filters).get("total").asLong();
    }

    @Test
    void aColumnConstantWithinEveryCaseIsAJourneyAttributeAndAVaryingOneIsKeptPerEvent() {
        assertThat(total("attr.case:creator=Fluxicon Nitro")).isEqualTo(6);
        // Every case has several resources: no case has one resource as a journey attribute.
        assertThat(total("attr.org:resource=Pete")).isZero();
        // Cases with at least one event by a resource, counted in the file: Pete 1,3,4,5; Sue 1,5; Sean 2,3,4.
        assertThat(total("event.org:resource=Pete")).isEqualTo(4);
        assertThat(total("event.org:resource=Sue")).isEqualTo(2);
        assertThat(total("event.org:resource=Sean")).isEqualTo(3);
        assertThat(total("event.org:resource=Sue&event.Costs=400")).isEqualTo(2);
        assertThat(total("event.org:resource=Nobody")).isZero();
        // A journey attribute is on every event, so the event filter finds it too.
        assertThat(total("event.case:creator=Fluxicon Nitro")).isEqualTo(6);

        JsonNode journey = ok("/api/journeys/3");
        assertThat(journey.get("attributes").get("case:creator").asString()).isEqualTo("Fluxicon Nitro");
        assertThat(journey.get("attributes").has("org:resource")).isFalse();
        List<String> resources = new ArrayList<>();
        journey.get("steps").forEach(step -> resources.add(step.get("attributes").get("org:resource").asString()));
        assertThat(resources).containsExactly("Pete", "Mike", "Ellen", "Sara", "Sara", "Sean", "Pete", "Sara",
                "Ellen");
    }

    @Test
    void anEventFilterWithoutAColumnIsABadRequestNamingTheParameter() {
        Response response = get("/api/paths/top?event.=Pete");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("parameter").asString()).isEqualTo("event.");
    }

    @Test
    void aDateToIncludesItsDaySoAFromLaterThatDayIsARangeNotABackwardsOne() {
        // Cases 1, 2 and 3 start on 2010-12-30 (UTC) at 10:02, 10:32 and 13:32.
        assertThat(total("from=2010-12-30&to=2010-12-30")).isEqualTo(3);
        assertThat(total("from=2010-12-30T10:15&to=2010-12-30")).isEqualTo(2);
        assertThat(total("from=2010-12-30T12:00:00Z&to=2010-12-30")).isEqualTo(1);
        assertThat(total("from=2010-12-30T12:00&to=2010-12-30&zone=%2B01:00")).as("11:00 UTC on").isEqualTo(1);

        for (String backwards : List.of("from=2010-12-31&to=2010-12-30", "from=2010-12-31T00:00&to=2010-12-30",
                "from=2010-12-30T12:00:00Z&to=2010-12-30T11:00:00Z")) {
            Response refused = get("/api/paths/top?" + backwards);
            assertThat(refused.status()).as(backwards + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("parameter").asString()).isEqualTo("from");
        }
    }

    @Test
    void aJourneyAttributeFilterWithoutAColumnIsABadRequestNamingTheParameterInsteadOfSelectingNothing() {
        Response response = get("/api/paths/top?attr.=Fluxicon%20Nitro");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("parameter").asString()).isEqualTo("attr.");
        assertThat(response.json().get("detail").asString()).contains("attr.<column>=value");
    }

    @Test
    void eventAttributesAreStoredOnTheVisitedRelationshipsAndJourneyAttributesOnTheJourney() {
        try (var session = driver.session()) {
            List<String> resources = session.run("""
                    MATCH (:Journey {id: '3'})-[v:VISITED]->(:Touchpoint)
                    RETURN v.`attr.org:resource` AS resource ORDER BY v.index""")
                    .list(row -> row.get("resource").asString());
            assertThat(resources).containsExactly("Pete", "Mike", "Ellen", "Sara", "Sara", "Sean", "Pete", "Sara",
                    "Ellen");
            var journey = session.run("""
                    MATCH (j:Journey {id: '3'})
                    RETURN j.`attr.case:creator` AS creator, j.`attr.org:resource` AS resource""").single();
            assertThat(journey.get("creator").asString()).isEqualTo("Fluxicon Nitro");
            assertThat(journey.get("resource").isNull()).isTrue();
            long bySue = session.run("""
                    MATCH (j:Journey)-[v:VISITED]->(:Touchpoint) WHERE v.`attr.org:resource` = 'Sue'
                    RETURN count(DISTINCT j) AS journeys""").single().get("journeys").asLong();
            assertThat(bySue).isEqualTo(2);
        }
    }

    @Test
    void thePurchaseEdgeLeavesThePurchaseEventAndWhatFollowsIsPostPurchase() {
        Map<String, JsonNode> chain = new java.util.HashMap<>();
        Map<String, JsonNode> after = new java.util.HashMap<>();
        for (JsonNode edge : ok("/api/transitions").get("transitions")) {
            String key = edge.get("from").asString() + " -> " + edge.get("to").asString();
            (edge.get("postPurchase").asBoolean() ? after : chain).put(key, edge);
        }
        assertThat(chain.get("decide -> (purchase)").get("journeys").asLong()).isEqualTo(6);
        assertThat(chain.keySet()).filteredOn(key -> key.endsWith("(purchase)")).containsExactly(
                "decide -> (purchase)");
        assertThat(chain.keySet()).noneMatch(key -> key.startsWith("pay compensation")
                || key.startsWith("reject request") || key.startsWith("reinitiate request"));
        // After the first decision: cases 1, 4, 5 end with a rejection, 2, 3, 6 with a payment; 3 and 5 loop back.
        assertThat(after.get("decide -> reject request").get("count").asLong()).isEqualTo(3);
        assertThat(after.get("decide -> pay compensation").get("count").asLong()).isEqualTo(3);
        assertThat(after.get("decide -> reinitiate request").get("count").asLong()).isEqualTo(3);
        assertThat(after.get("decide -> reinitiate request").get("journeys").asLong()).isEqualTo(2);
        double leavingDecide = after.values().stream().filter(edge -> edge.get("from").asString().equals("decide"))
                .mapToDouble(edge -> edge.get("probability").asDouble()).sum();
        assertThat(leavingDecide).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));

        JsonNode shaped = ok("/api/transitions?level=touchpoint&collapseRepeats=true").get("transitions");
        assertThat(shaped).anySatisfy(edge -> {
            assertThat(edge.get("from").asString()).isEqualTo("decide");
            assertThat(edge.get("to").asString()).isEqualTo("reject request");
            assertThat(edge.get("postPurchase").asBoolean()).isTrue();
        });
    }

    @Test
    void topPathsGiveACaseOnePathWithAndWithoutSelectingPurchases() {
        JsonNode any = ok("/api/paths/top?outcome=any");
        JsonNode purchases = ok("/api/paths/top?outcome=purchase");

        assertThat(any.get("variants").toString()).isEqualTo(purchases.get("variants").toString());
        assertThat(any.get("distinctVariants").asLong()).isEqualTo(4);
        JsonNode first = any.get("variants").get(0);
        assertThat(first.get("journeys").asLong()).isEqualTo(3);
        List<String> steps = new ArrayList<>();
        first.get("steps").forEach(step -> steps.add(step.asString()));
        assertThat(steps).containsExactly("register request", "examine casually", "check ticket", "decide");
    }

    @Test
    void theStoredTransitionGraphFlagsPostPurchaseStepsAndAgreesWithTheStoredSteps() throws IOException {
        String check = Files.readString(Path.of("cypher", "consistency-check.cypher"));
        try (var session = driver.session()) {
            assertThat(session.run(check).list()).as("transitions that disagree with the steps").isEmpty();
            var rejected = session.run("""
                    MATCH (:Touchpoint {name: 'decide'})-[r:TRANSITION]->(:Touchpoint {name: 'reject request'})
                    RETURN r.postPurchase AS postPurchase, r.count AS count""").single();
            assertThat(rejected.get("postPurchase").asBoolean()).isTrue();
            assertThat(rejected.get("count").asLong()).isEqualTo(3);
            List<String> intoPurchase = session.run("""
                    MATCH (t:Touchpoint)-[:TRANSITION]->(:Touchpoint {name: '(purchase)'}) RETURN t.name AS name""")
                    .list(row -> row.get("name").asString());
            assertThat(intoPurchase).containsExactly("decide");
        }
    }
}
