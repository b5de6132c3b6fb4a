package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.journey.Scale;

import tools.jackson.databind.JsonNode;

/**
 * Runs every file in {@code cypher/} against the database holding the demo store: the schema applies again cleanly,
 * each query for Cypher users answers the columns its comment promises with figures the endpoints agree with, also
 * when sent to {@code POST /api/cypher} as written, and the consistency check finds no disagreement between the
 * aggregated TRANSITION counts and the stored steps (and does find one made on purpose). The Cypher examples of the
 * README run through {@code POST /api/cypher} too.
 */
@TestPropertySource(properties = {"journeys.demo.load-on-start=true", "journeys.demo.journeys=3000"})
class CypherFilesTests extends ApiTestSupport {

    private static final Path CYPHER = Path.of("cypher");
    private static final Pattern README_CYPHER_BLOCK = Pattern.compile("```cypher\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern README_CYPHER_CURL = Pattern.compile("/api/cypher[^\\n]*\\\\\\n\\s*-d '([^']*)'");

    /** What a file answers: the columns of its last statement, and what its rows must agree with. */
    private record Expected(List<String> columns, Consumer<List<Record>> rows) {
    }

    /** Every file of {@code cypher/}, by its path there; a new file needs its expectations here. */
    private Map<String, Expected> expectations() {
        return Map.of(
                "schema.cypher", new Expected(List.of(), rows -> assertThat(rows).isEmpty()),
                "consistency-check.cypher", new Expected(List.of("from", "to", "postPurchase", "recomputed", "stored"),
                        rows -> assertThat(rows).as("transitions that disagree with the stored steps").isEmpty()),
                "queries/journeys-cart-then-support-then-competitor.cypher", new Expected(
                        List.of("journey", "segment", "support", "competitor", "outcome"),
                        this::eachJourneySawTheCartThenSupportThenTheCompetitor),
                "queries/top-paths-to-purchase.cypher", new Expected(List.of("path", "journeys"),
                        this::eachPathIsAVariantOfThePathsEndpoint),
                "queries/competitor-diversions.cypher", new Expected(
                        List.of("touchpoint", "stage", "competitor", "journeys", "rate"), rows -> rows.forEach(row ->
                                assertThat(row.get("rate").asDouble()).as(row.toString()).isBetween(0.0001, 1.0))),
                "queries/last-touchpoint-before-abandonment.cypher", new Expected(
                        List.of("touchpoint", "stage", "abandonedJourneys"),
                        this::eachCountIsTheAbandonmentOfTheDropoffEndpoint),
                "queries/post-purchase-transitions.cypher", new Expected(
                        List.of("touchpoint", "next", "journeys", "transitions", "share"),
                        this::eachRowIsAPostPurchaseTransitionOfTheTransitionsEndpoint),
                "queries/experience-by-touchpoint.cypher", new Expected(
                        List.of("touchpoint", "stage", "answers", "meanScore", "positiveShare", "negativeShare"),
                        rows -> rows.forEach(row -> assertThat(row.get("meanScore").asDouble()).as(row.toString())
                                .isBetween(0.0, 1.0))),
                "queries/what-lost-customers-said.cypher", new Expected(
                        List.of("journey", "outcome", "touchpoint", "scale", "score", "comment", "at"),
                        this::eachAnswerIsANegativeCommentOnALostJourney));
    }

    @TestFactory
    Stream<DynamicTest> everyCypherFileRunsAgainstTheDemoStore() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(CYPHER)) {
            files = walk.filter(file -> file.toString().endsWith(".cypher"))
                    .map(file -> CYPHER.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
        Map<String, Expected> expectations = expectations();
        assertThat(files).as("files with expectations in this test").containsExactlyInAnyOrderElementsOf(
                expectations.keySet());
        return files.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String text = Files.readString(CYPHER.resolve(name));
            List<String> statements = StoreSchema.statements(text);
            assertThat(statements).isNotEmpty();
            List<String> columns = List.of();
            List<Record> rows = List.of();
            try (Session session = driver.session()) {
                for (String statement : statements) {
                    Result result = session.run(statement);
                    columns = result.keys();
                    rows = result.list();
                }
            }
            Expected expected = expectations.get(name);
            assertThat(columns).isEqualTo(expected.columns());
            if (name.startsWith("queries/")) {
                assertThat(rows).as("rows of " + name).isNotEmpty();
                JsonNode answer = cypherEndpoint(text, Map.of());
                assertThat(answer.get("columns").valueStream().map(JsonNode::asString).toList())
                        .as("columns of " + name + " sent to /api/cypher as written").isEqualTo(columns);
                assertThat(answer.get("rows")).as("rows of " + name + " from /api/cypher").hasSize(rows.size());
            }
            expected.rows().accept(rows);
        }));
    }

    @Test
    void theConsistencyCheckFindsATransitionCountThatDisagreesWithTheSteps() throws IOException {
        String check = StoreSchema.statements(Files.readString(CYPHER.resolve("consistency-check.cypher"))).get(0);
        String tamper = """
                MATCH (:Touchpoint {name: 'Product page'})-[r:TRANSITION {postPurchase: false}]->
                      (:Touchpoint {name: 'Cart'})
                SET r.count = r.count + $by
                RETURN r.count - $by AS count""";
        try (Session session = driver.session()) {
            long count = session.run(tamper, Map.of("by", 1)).single().get("count").asLong();
            try {
                List<Record> rows = session.run(check).list();

                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).asMap()).containsEntry("from", "Product page").containsEntry("to", "Cart")
                        .containsEntry("postPurchase", false).containsEntry("recomputed", count)
                        .containsEntry("stored", count + 1);
            } finally {
                session.run(tamper, Map.of("by", -1)).consume();
            }
            assertThat(session.run(check).list()).isEmpty();
        }
    }

    @Test
    void theConsistencyCheckFindsStepsWithoutTheirTransitionAndATransitionNoStepsTake() throws IOException {
        String check = StoreSchema.statements(Files.readString(CYPHER.resolve("consistency-check.cypher"))).get(0);
        String take = """
                MATCH (:Touchpoint {name: 'Product page'})-[r:TRANSITION {postPurchase: false}]->
                      (:Touchpoint {name: 'Cart'})
                WITH r, properties(r) AS kept
                DELETE r
                RETURN kept""";
        String putBack = """
                MATCH (a:Touchpoint {name: 'Product page'}), (b:Touchpoint {name: 'Cart'})
                CREATE (a)-[r:TRANSITION]->(b)
                SET r = $kept""";
        String invent = """
                MATCH (a:Touchpoint {kind: 'touchpoint'}), (b:Touchpoint {kind: 'touchpoint'})
                WHERE NOT (a)-[:TRANSITION {postPurchase: false}]->(b)
                WITH a, b ORDER BY a.name, b.name LIMIT 1
                CREATE (a)-[r:TRANSITION {postPurchase: false, count: 3, journeys: 3, probability: 0.5}]->(b)
                RETURN a.name AS from, b.name AS to""";
        try (Session session = driver.session()) {
            Map<String, Object> kept = session.run(take).single().get("kept").asMap();
            Record invented = session.run(invent).single();
            try {
                List<Map<String, Object>> rows = session.run(check).list(Record::asMap);

                assertThat(rows).hasSize(2);
                Map<String, Object> missing = new HashMap<>();
                missing.put("from", "Product page");
                missing.put("to", "Cart");
                missing.put("postPurchase", false);
                missing.put("recomputed", kept.get("count"));
                missing.put("stored", null);
                assertThat(rows).contains(missing).contains(Map.of("from", invented.get("from").asString(),
                        "to", invented.get("to").asString(), "postPurchase", false, "recomputed", 0L, "stored", 3L));
            } finally {
                session.run(putBack, Map.of("kept", kept)).consume();
                session.run("MATCH (:Touchpoint {name: $from})-[r:TRANSITION {postPurchase: false, count: 3}]->"
                        + "(:Touchpoint {name: $to}) DELETE r", Map.of("from", invented.get("from").asString(),
                                "to", invented.get("to").asString())).consume();
            }
            assertThat(session.run(check).list()).isEmpty();
        }
    }

    @Test
    void theConsistencyCheckReadsEachStepAndTransitionAFewTimesOnly() throws IOException {
        // Matching each TRANSITION's journeys read a touchpoint's visitors once per transition leaving it: on a
        // clickstream of 3,000 pages, minutes, and over the time limit of /api/cypher. Counted in the database's
        // reads (PROFILE), which do not depend on the machine.
        String check = StoreSchema.statements(Files.readString(CYPHER.resolve("consistency-check.cypher"))).get(0);
        try (Session session = driver.session()) {
            long steps = session.run("MATCH ()-[v:VISITED]->() RETURN count(v) AS n").single().get("n").asLong();
            long transitions = session.run("MATCH ()-[r:TRANSITION]->() RETURN count(r) AS n").single().get("n")
                    .asLong();

            long reads = databaseHits(session.run("PROFILE " + check).consume().profile());

            assertThat(reads).as("database hits for %d steps and %d transitions", steps, transitions)
                    .isLessThanOrEqualTo(20 * (steps + transitions));
        }
    }

    private static long databaseHits(ProfiledPlan plan) {
        return plan.dbHits() + plan.children().stream().mapToLong(CypherFilesTests::databaseHits).sum();
    }

    @Test
    void theReadmeCypherExamplesRunThroughTheCypherEndpoint() throws IOException {
        // The attribute example reads a process log's resources: the running example has Pete in four cases.
        assertThat(postRunningExample().status()).isEqualTo(200);
        String readme = Files.readString(Path.of("README.md"));
        List<String> queries = new ArrayList<>();
        README_CYPHER_BLOCK.matcher(readme).results().forEach(block -> queries.add(block.group(1)));
        assertThat(queries).hasSizeGreaterThanOrEqualTo(2);
        for (String query : queries) {
            JsonNode answer = cypherEndpoint(query, Map.of("resource", "Pete"));
            assertThat(answer.get("rows")).as(query).isNotEmpty();
        }
        Matcher curl = README_CYPHER_CURL.matcher(readme);
        assertThat(curl.find()).as("the curl example of /api/cypher").isTrue();
        Response response = post("/api/cypher", "application/json", curl.group(1));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rows")).hasSize(5);
    }

    private JsonNode cypherEndpoint(String query, Map<String, Object> parameters) {
        Response response = post("/api/cypher", "application/json",
                JSON.writeValueAsString(Map.of("query", query, "parameters", parameters)));
        assertThat(response.status()).as(query + "\n" + response.body()).isEqualTo(200);
        assertThat(response.json().get("truncated").asBoolean()).isFalse();
        return response.json();
    }

    private void eachJourneySawTheCartThenSupportThenTheCompetitor(List<Record> rows) {
        for (Record row : rows.subList(0, Math.min(10, rows.size()))) {
            JsonNode journey = get("/api/journeys/" + row.get("journey").asString()).json();
            List<String> steps = journey.get("steps").valueStream().map(s -> s.get("touchpoint").asString()).toList();
            int cart = steps.indexOf("Cart");
            int support = cart < 0 ? -1 : steps.subList(cart, steps.size()).indexOf(row.get("support").asString());
            int rival = support < 0 ? -1
                    : steps.subList(cart + support, steps.size()).indexOf(row.get("competitor").asString());
            assertThat(rival).as(row + ": " + steps).isPositive();
            assertThat(journey.get("outcome").asString()).isEqualTo(row.get("outcome").asString());
        }
    }

    private void eachPathIsAVariantOfThePathsEndpoint(List<Record> rows) {
        Map<List<String>, Long> variants = new HashMap<>();
        get("/api/paths/top?outcome=purchase&limit=1000").json().get("variants").forEach(variant -> variants.put(
                variant.get("steps").valueStream().map(JsonNode::asString).toList(), variant.get("journeys").asLong()));
        for (Record row : rows) {
            List<String> path = row.get("path").asList(value -> value.asString());
            assertThat(variants.get(path)).as(path.toString()).isEqualTo(row.get("journeys").asLong());
        }
        assertThat(rows.get(0).get("journeys").asLong()).isEqualTo(variants.values().stream().mapToLong(n -> n).max()
                .orElseThrow());
    }

    private void eachCountIsTheAbandonmentOfTheDropoffEndpoint(List<Record> rows) {
        Map<String, Long> abandonment = new HashMap<>();
        get("/api/dropoff?limit=1000").json().get("touchpoints").forEach(touchpoint -> abandonment.put(
                touchpoint.get("touchpoint").asString(), touchpoint.get("toAbandonment").asLong()));
        for (Record row : rows) {
            String touchpoint = row.get("touchpoint").asString();
            assertThat(row.get("abandonedJourneys").asLong()).as(touchpoint).isPositive()
                    .isEqualTo(abandonment.get(touchpoint));
        }
    }

    private void eachRowIsAPostPurchaseTransitionOfTheTransitionsEndpoint(List<Record> rows) {
        Map<String, JsonNode> byEdge = new HashMap<>();
        get("/api/transitions?includeOpen=true&limit=100000").json().get("transitions").forEach(transition -> {
            if (transition.get("postPurchase").asBoolean()) {
                byEdge.put(transition.get("from").asString() + " -> " + transition.get("to").asString(), transition);
            }
        });
        for (Record row : rows) {
            String edge = row.get("touchpoint").asString() + " -> " + row.get("next").asString();
            JsonNode api = byEdge.get(edge);
            assertThat(api).as(edge).isNotNull();
            assertThat(row.get("journeys").asLong()).as(edge).isEqualTo(api.get("journeys").asLong());
            assertThat(row.get("transitions").asLong()).as(edge).isEqualTo(api.get("count").asLong());
            assertThat(row.get("share").asDouble()).as(edge).isCloseTo(api.get("probability").asDouble(),
                    within(0.00005));
        }
    }

    private void eachAnswerIsANegativeCommentOnALostJourney(List<Record> rows) {
        for (Record row : rows) {
            JsonNode journey = get("/api/journeys/" + row.get("journey").asString()).json();
            assertThat(journey.get("outcome").asString()).as(row.toString()).isIn("ABANDONED", "DIVERTED")
                    .isEqualTo(row.get("outcome").asString());
            assertThat(row.get("comment").asString()).as(row.toString()).isNotBlank();
            assertThat(Scale.of(row.get("scale").asString()).isNegative(row.get("score").asDouble()))
                    .as(row.toString()).isTrue();
        }
    }

    @Test
    void theDiversionsQueryGivesTheJourneysAndRatesOfTheDiversionsEndpoint() throws IOException {
        // A journey still in progress that goes to a competitor: /api/diversions leaves it out by default.
        assertThat(post("/api/events", "text/csv", """
                journey_id,timestamp,touchpoint
                open-diverted,2030-01-01T10:00:00Z,Price comparison
                open-diverted,2030-01-01T10:05:00Z,CompetitorB marketplace
                open-diverted,2030-01-01T10:10:00Z,Price comparison
                """).status()).isEqualTo(200);
        assertThat(get("/api/journeys/open-diverted").json().get("outcome").asString()).isEqualTo("OPEN");
        String query = StoreSchema.statements(Files.readString(
                CYPHER.resolve("queries/competitor-diversions.cypher"))).get(0);
        Map<String, JsonNode> byEdge = new HashMap<>();
        get("/api/diversions?limit=1000").json().get("diversions").forEach(row -> byEdge.put(
                row.get("touchpoint").asString() + " -> " + row.get("competitor").asString(), row));

        List<Record> rows;
        try (Session session = driver.session()) {
            rows = session.run(query).list();
        }

        assertThat(rows).hasSizeGreaterThan(5);
        for (Record row : rows) {
            String edge = row.get("touchpoint").asString() + " -> " + row.get("competitor").asString();
            JsonNode api = byEdge.get(edge);
            assertThat(api).as(edge).isNotNull();
            assertThat(row.get("journeys").asLong()).as(edge).isEqualTo(api.get("journeys").asLong());
            assertThat(row.get("rate").asDouble()).as(edge).isCloseTo(api.get("rate").asDouble(), within(0.00005));
        }
    }

    @Test
    void theExperienceQueryGivesTheFiguresOfTheExperienceEndpoint() throws IOException {
        String query = StoreSchema.statements(Files.readString(
                CYPHER.resolve("queries/experience-by-touchpoint.cypher"))).get(0);
        Map<String, JsonNode> byLabel = new HashMap<>();
        get("/api/experience?by=touchpoint&includeOpen=true").json().get("labels")
                .forEach(row -> byLabel.put(row.get("label").asString(), row.get("experience")));

        List<Record> rows;
        try (Session session = driver.session()) {
            rows = session.run(query).list();
        }

        assertThat(rows).hasSizeGreaterThan(10);
        for (Record row : rows) {
            String touchpoint = row.get("touchpoint").asString();
            JsonNode api = byLabel.get(touchpoint);
            assertThat(api).as(touchpoint).isNotNull();
            assertThat(row.get("answers").asLong()).as(touchpoint).isEqualTo(api.get("responses").asLong());
            assertThat(row.get("meanScore").asDouble()).as(touchpoint)
                    .isCloseTo(api.get("meanScore").asDouble(), within(0.00005));
            assertThat(row.get("positiveShare").asDouble()).as(touchpoint)
                    .isCloseTo(api.get("positiveShare").asDouble(), within(0.00005));
            assertThat(row.get("negativeShare").asDouble()).as(touchpoint)
                    .isCloseTo(api.get("negativeShare").asDouble(), within(0.00005));
        }
    }
}
