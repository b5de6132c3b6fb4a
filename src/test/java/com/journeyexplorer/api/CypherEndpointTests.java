package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/** POST /api/cypher: read-only, bounded, plain JSON; every way to write is refused and changes nothing. */
@TestPropertySource(properties = {"journeys.cypher.timeout=3s", "journeys.cypher.max-rows=100",
        "journeys.cypher.max-query-length=2000", "journeys.neo4j.embedded.transaction-max-memory=32MB"})
@ExtendWith(OutputCaptureExtension.class)
class CypherEndpointTests extends ApiTestSupport {

    private static final String JSON_TYPE = "application/json";

    @BeforeEach
    void importSomeJourneys() {
        Response response = post("/api/events", "text/csv", """
                journey_id,timestamp,touchpoint,type
                cy-1,2026-03-01T10:00:00Z,Newsletter,
                cy-1,2026-03-01T10:05:00Z,Product page,
                cy-1,2026-03-01T10:09:00Z,Checkout,purchase
                cy-2,2026-03-02T10:00:00Z,Newsletter,
                """);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private Response cypher(String query) {
        return post("/api/cypher", JSON_TYPE, JSON.writeValueAsString(java.util.Map.of("query", query)));
    }

    static Stream<String> writesAndEscapes() {
        return Stream.of(
                "CREATE (n:Intruder) RETURN n",
                "create (n:Intruder)",
                "MATCH (j:Journey) SET j.outcome = 'HACKED'",
                "MATCH (j:Journey) SET j:Hacked",
                "MERGE (n:Intruder {name: 'x'})",
                "MATCH (n) DETACH DELETE n",
                "MATCH ()-[s:VISITED]->() DELETE s",
                "MATCH (j:Journey) REMOVE j.outcome",
                "MATCH (j:Journey) REMOVE j:Journey",
                "CALL { CREATE (:Intruder) } RETURN 1",
                "MATCH (j:Journey) CALL (j) { SET j.x = 1 } RETURN j",
                "MATCH (j:Journey) CALL { WITH j SET j.x = 1 } RETURN j",
                "UNWIND range(1, 3) AS i CALL (i) { CREATE (:Intruder {i: i}) } IN TRANSACTIONS OF 1 ROW",
                "UNWIND range(1, 3) AS i CALL (i) { RETURN i AS k } IN TRANSACTIONS RETURN k",
                "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
                "LOAD CSV WITH HEADERS FROM 'https://example.com/x.csv' AS row RETURN row",
                "CALL db.createLabel('Intruder')",
                "CALL db.createProperty('intruder')",
                "CALL db.createRelationshipType('INTRUDES')",
                "CALL `db`.createLabel('Intruder')",
                "CALL dbms.components()",
                "CALL dbms.security.createUser('eve', 'password123', false)",
                "CALL db.clearQueryCaches()",
                "CALL db.index.fulltext.createNodeIndex('x', ['Journey'], ['id'])",
                "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})",
                "MATCH (n) RETURN count(n); CREATE (:Intruder)",
                "RETURN 1; MATCH (n) DETACH DELETE n;",
                "CREATE INDEX intruder FOR (n:Intruder) ON (n.name)",
                "CREATE CONSTRAINT intruder IF NOT EXISTS FOR (n:Intruder) REQUIRE n.name IS UNIQUE",
                "DROP INDEX journey_outcome",
                "DROP CONSTRAINT journey_id",
                "USE system SHOW USERS",
                "USE system CREATE USER eve SET PASSWORD 'password123'",
                "USE neo4j MATCH (n) RETURN count(n)",
                "ALTER USER neo4j SET PASSWORD 'password123'",
                "CREATE DATABASE other",
                "STOP DATABASE neo4j",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
                "SHOW TRANSACTIONS",
                "SHOW SETTINGS",
                "  show databases",
                "FOREACH (i IN [1, 2] | CREATE (:Intruder))",
                "MATCH (n) /* harmless? */ DELETE n",
                "MATCH (n)\n// comment\nDETACH\nDELETE n",
                "MATCH (j:Journey) WITH j LIMIT 1 MERGE (j)-[:OWNS]->(:Intruder)",
                "EXPLAIN MATCH (n) DELETE n",
                "PROFILE MATCH (n) RETURN n",
                "MATCH (j:Journey) WITH j WHERE j.id = 'cy-1' SET j += {outcome: 'X'}");
    }

    @Test
    void refusesShowCommandsSayingSo() {
        Response response = cypher("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery");

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("SHOW commands are not allowed");
        assertThat(ok("MATCH (show:Journey) RETURN count(show) AS n").get("rows").get(0).get(0).asLong())
                .as("a variable named show is no command").isEqualTo(2);
    }

    @Test
    void namesARefusedBacktickedProcedureAsWritten() {
        Response response = cypher("CALL `db.labels`() YIELD label RETURN label");

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("procedure '`db.labels`' is not allowed")
                .contains("`db`.`labels`").doesNotContain("_q");
    }

    @Test
    void runsAnAllowedProcedureWhoseNameIsBacktickedPartByPart() {
        for (String query : List.of("CALL `db`.`labels`() YIELD label RETURN label",
                "CALL db.`labels`() YIELD label RETURN label", "CALL db /* namespace */ . labels()")) {
            assertThat(ok(query).get("rows").toString()).as(query).contains("Journey");
        }
    }

    @ParameterizedTest
    @MethodSource("writesAndEscapes")
    void refusesWritesAdminCommandsAndFileAccessWithoutChangingAnything(String query) {
        String before = storeState();

        Response response = cypher(query);

        assertThat(response.status()).as(response.body()).isIn(400, 403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("\tat ", "org.neo4j.");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void answersColumnsAndRowsOfPlainJson() {
        JsonNode answer = ok("RETURN 1 AS one, 'set' AS word, 2.5 AS half, null AS nothing, [1, 'a'] AS list, "
                + "{create: true} AS map, date('2026-03-01') AS day, "
                + "datetime('2026-03-01T10:00:00Z') AS instant, duration('PT90M') AS span");

        assertThat(answer.get("columns").toString()).isEqualTo(
                "[\"one\",\"word\",\"half\",\"nothing\",\"list\",\"map\",\"day\",\"instant\",\"span\"]");
        JsonNode row = answer.get("rows").get(0);
        assertThat(row.get(0).asLong()).isEqualTo(1);
        assertThat(row.get(1).asString()).isEqualTo("set");
        assertThat(row.get(2).asDouble()).isEqualTo(2.5);
        assertThat(row.get(3).isNull()).isTrue();
        assertThat(row.get(4).toString()).isEqualTo("[1,\"a\"]");
        assertThat(row.get(5).get("create").asBoolean()).isTrue();
        assertThat(row.get(6).asString()).isEqualTo("2026-03-01");
        assertThat(row.get(7).asString()).as("seconds written even when zero, as RFC 3339 wants")
                .isEqualTo("2026-03-01T10:00:00Z");
        assertThat(row.get(8).asString()).isEqualTo("P0M0DT5400S");
        assertThat(answer.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void returnsNodesRelationshipsAndPaths() {
        JsonNode row = ok("MATCH p = (a:Touchpoint {name: 'Newsletter'})-[t:TRANSITION]->(b:Touchpoint) "
                + "RETURN a, t, p ORDER BY b.name LIMIT 1").get("rows").get(0);

        assertThat(row.get(0).get("elementId").asString()).isNotEmpty();
        assertThat(row.get(0).get("labels").toString()).contains("Touchpoint");
        assertThat(row.get(0).get("properties").get("name").asString()).isEqualTo("Newsletter");
        assertThat(row.get(1).get("type").asString()).isEqualTo("TRANSITION");
        assertThat(row.get(1).get("startElementId").asString()).isEqualTo(row.get(0).get("elementId").asString());
        assertThat(row.get(2).get("nodes")).hasSize(2);
        assertThat(row.get(2).get("relationships")).hasSize(1);
    }

    @Test
    void takesParametersAndAllowListedProcedures() {
        Response response = post("/api/cypher", JSON_TYPE,
                "{\"query\":\"MATCH (j:Journey {id: $id}) RETURN j.id AS id\",\"parameters\":{\"id\":\"cy-1\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rows").get(0).get(0).asString()).isEqualTo("cy-1");

        assertThat(ok("CALL db.labels() YIELD label RETURN label").get("rows").toString()).contains("Journey");
        assertThat(ok("MATCH (n) WHERE n.name = 'CREATE (x)' // DELETE\nRETURN count(n) AS n").get("rows"))
                .hasSize(1);
        assertThat(ok("MATCH (`set`:Journey) RETURN count(`set`) AS n").get("rows").get(0).get(0).asLong())
                .isEqualTo(2);
    }

    @Test
    void cutsResultsAtTheRowLimit() {
        JsonNode answer = ok("UNWIND range(1, 1000) AS i RETURN i");

        assertThat(answer.get("rows")).hasSize(100);
        assertThat(answer.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void stopsQueriesAtTheMemoryLimitAtTheFirstAttempt(CapturedOutput log) {
        Response response = cypher("UNWIND range(1, 20000000) AS i WITH collect(i) AS numbers RETURN size(numbers)");

        assertThat(log.getAll()).as("the driver's managed transactions retried it four times, 30 s of back-off")
                .doesNotContain("will be retried");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).endsWith("/cypher-memory");
        assertThat(response.json().get("detail").asString()).contains("transaction-max-memory");
        assertThat(ok("RETURN 1 AS one").get("rows").get(0).get(0).asInt()).isEqualTo(1);
    }

    @Test
    void stopsQueriesAtTheTimeLimit() {
        Response response = cypher("UNWIND range(1, 2000000000) AS i WITH i WHERE i < 0 RETURN count(i)");

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).endsWith("/cypher-timeout");
    }

    @Test
    void reportsSyntaxErrorsWithNeo4jsMessageAndNoStackTrace() {
        Response response = cypher("MATCH (n RETURN n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/invalid-cypher");
        assertThat(response.json().get("detail").asString()).isNotBlank().doesNotContain("\tat ", "Exception")
                .as("the position in the user's text, not in the EXPLAIN run first").contains("column 10 (offset: 9)")
                .doesNotContain("EXPLAIN");
    }

    @Test
    void refusesMissingTooLongAndMalformedRequests() {
        assertThat(post("/api/cypher", JSON_TYPE, "{}").status()).isEqualTo(400);
        assertThat(post("/api/cypher", JSON_TYPE, "{\"query\":\"   \"}").status()).isEqualTo(400);
        assertThat(post("/api/cypher", JSON_TYPE, "{\"query\":").status()).isEqualTo(400);
        assertThat(post("/api/cypher", JSON_TYPE, "[1,2]").status()).isEqualTo(400);
        assertThat(post("/api/cypher", JSON_TYPE, "{\"query\":\"RETURN $x\",\"parameters\":[1]}").status())
                .isEqualTo(400);
        assertThat(cypher("RETURN 1 AS x " + " ".repeat(2000)).status()).isEqualTo(400);
        assertThat(post("/api/cypher", "text/plain", "RETURN 1").status()).isEqualTo(415);
        Response huge = post("/api/cypher", JSON_TYPE,
                "{\"query\":\"RETURN $x AS x\",\"parameters\":{\"x\":123456789012345678901234567890}}");
        assertThat(huge.status()).as(huge.body()).isEqualTo(400);
    }

    @Test
    void refusesAQueryThatIsNoStringNamingWhatWasGiven() {
        for (String body : List.of("{\"query\": 42}", "{\"query\": true}", "{\"query\": [\"RETURN 1\"]}",
                "{\"query\": {\"text\": \"RETURN 1\"}}")) {
            Response response = post("/api/cypher", JSON_TYPE, body);

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("parameter").asString()).isEqualTo("query");
            assertThat(response.json().get("detail").asString()).as(body)
                    .contains("must be a string (the Cypher text to run), got a");
        }
        assertThat(post("/api/cypher", JSON_TYPE, "{\"query\": 42}").json().get("detail").asString())
                .contains("got a number");
        assertThat(post("/api/cypher", JSON_TYPE, "{\"query\": null}").json().get("detail").asString())
                .contains("is required");
    }

    @Test
    void refusesUnknownMembersAndParametersThatAreNoObject() {
        Response misspelt = post("/api/cypher", JSON_TYPE,
                "{\"query\":\"RETURN $x AS x\",\"parms\":{\"x\":1}}");
        assertThat(misspelt.status()).as(misspelt.body()).isEqualTo(400);
        assertThat(misspelt.json().get("parameter").asString()).isEqualTo("parms");
        assertThat(misspelt.json().get("detail").asString()).contains("'parms'", "query, parameters");

        Response list = post("/api/cypher", JSON_TYPE, "{\"query\":\"RETURN $x AS x\",\"parameters\":[1]}");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.json().get("parameter").asString()).isEqualTo("parameters");
        assertThat(list.json().get("detail").asString()).contains("must be an object", "got an array");

        JsonNode noParameters = okBody("{\"query\":\"RETURN 1 AS one\",\"parameters\":null}");
        assertThat(noParameters.get("rows").get(0).get(0).asInt()).isEqualTo(1);
        JsonNode nested = okBody("{\"query\":\"RETURN $x AS x, $y AS y\",\"parameters\":{\"x\":[1,\"a\",{\"b\":true}],"
                + "\"y\":2.5}}");
        assertThat(nested.get("rows").get(0).get(0).toString()).isEqualTo("[1,\"a\",{\"b\":true}]");
        assertThat(nested.get("rows").get(0).get(1).asDouble()).isEqualTo(2.5);
    }

    @Test
    void refusesAParameterNumberNeo4jCannotHoldNamingItInsteadOfADriverMessageOrInfinity() {
        for (String[] bad : List.of(new String[] {"{\"x\": 123456789012345678901234567890}", "parameters.x"},
                new String[] {"{\"x\": -9223372036854775809}", "parameters.x"},
                new String[] {"{\"x\": 1e999}", "parameters.x"},
                new String[] {"{\"x\": [1, {\"y\": -1e400}]}", "parameters.x[1].y"})) {
            Response refused = post("/api/cypher", JSON_TYPE, "{\"query\": \"RETURN $x AS x\", \"parameters\": "
                    + bad[0] + "}");
            assertThat(refused.status()).as(bad[0] + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("parameter").asString()).isEqualTo(bad[1]);
            assertThat(refused.json().get("detail").asString()).contains("beyond what Neo4j holds")
                    .doesNotContain("java.");
        }
        JsonNode largest = okBody("{\"query\": \"RETURN $x AS x, $y AS y\", \"parameters\": "
                + "{\"x\": 9223372036854775807, \"y\": 1.7e308}}");
        assertThat(largest.get("rows").get(0).get(0).asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(largest.get("rows").get(0).get(1).asDouble()).isEqualTo(1.7e308);
    }

    @Test
    void saysWhatIsWrongWithABodyWithoutNamingTheParsersSettings() {
        Response deep = post("/api/cypher", JSON_TYPE, "{\"query\": \"RETURN 1\", \"parameters\": {\"x\": "
                + "[".repeat(600) + "]".repeat(600) + "}}");
        assertThat(deep.status()).as(deep.body()).isEqualTo(400);
        assertThat(deep.json().get("detail").asString()).contains("nesting depth", "maximum allowed (500)")
                .doesNotContain("`", "StreamReadConstraints");

        Response nan = post("/api/cypher", JSON_TYPE, "{\"query\": \"RETURN $x\", \"parameters\": {\"x\": NaN}}");
        assertThat(nan.status()).as(nan.body()).isEqualTo(400);
        assertThat(nan.json().get("detail").asString()).contains("'NaN'").doesNotContain("`", "JsonReadFeature");

        Response comment = post("/api/cypher", JSON_TYPE, "{\"query\": \"RETURN 1\" /* one */}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(400);
        assertThat(comment.json().get("detail").asString()).contains("comment").doesNotContain("ALLOW_COMMENTS");
    }

    @Test
    void saysWhereABodyIsNoJsonAndRefusesOneTooLarge() {
        Response malformed = post("/api/cypher", JSON_TYPE, "{\"query\": \"RETURN 1\",\n  \"parameters\": {,}}");
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("detail").asString()).contains("not valid JSON", "line 2, column 18");

        Response plainText = post("/api/cypher", JSON_TYPE, "RETURN 1");
        assertThat(plainText.status()).isEqualTo(400);
        assertThat(plainText.json().get("detail").asString()).contains("not valid JSON", "line 1, column 1");

        Response empty = post("/api/cypher", JSON_TYPE, "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).contains("empty");

        Response trailing = post("/api/cypher", JSON_TYPE, "{\"query\": \"RETURN 1\"} {}");
        assertThat(trailing.status()).isEqualTo(400);

        Response tooLarge = post("/api/cypher", JSON_TYPE, "{\"query\": \"RETURN 1\", \"parameters\": {\"x\": \""
                + "x".repeat(17 << 20) + "\"}}");
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theApiDocsStillDescribeTheBody() {
        JsonNode docs = get("/v3/api-docs").json();
        JsonNode body = docs.get("paths").get("/api/cypher").get("post").get("requestBody");

        assertThat(body.get("content").get("application/json").get("schema").get("$ref").asString())
                .endsWith("/CypherRequest");
        assertThat(docs.get("components").get("schemas").get("CypherRequest").get("properties").propertyNames())
                .containsExactlyInAnyOrder("query", "parameters");
    }

    private JsonNode okBody(String body) {
        Response response = post("/api/cypher", JSON_TYPE, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode ok(String query) {
        Response response = cypher(query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
