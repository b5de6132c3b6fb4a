package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/feedback} over HTTP: the join of answers to journeys by id and by customer and time (answers in a
 * journey, after it within the window, between two overlapping journeys, before any, of unknown customers), bad rows
 * that change nothing, and the experience endpoints on what was stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedbackApiTests extends ApiTestSupport {

    /**
     * c1: a1 on Jan 1 buys, a2 on Jan 5 abandons at Shipping. c2: b1 and b2 overlap on Jan 2 (b2 starts later and
     * has a frustration event at Shipping).
     */
    private static final String EVENTS = """
            journey_id,customer_id,timestamp,touchpoint,channel,stage,type
            a1,c1,2026-01-01T10:00:00Z,Ad,social,awareness,touchpoint
            a1,c1,2026-01-01T10:10:00Z,Shipping,website,purchase,touchpoint
            a1,c1,2026-01-01T10:30:00Z,Pay,website,purchase,purchase
            a2,c1,2026-01-05T10:00:00Z,Ad,social,awareness,touchpoint
            a2,c1,2026-01-05T10:20:00Z,Shipping,website,purchase,abandon
            b1,c2,2026-01-02T09:00:00Z,Ad,social,awareness,touchpoint
            b1,c2,2026-01-02T09:10:00Z,Rival,competitor,consideration,touchpoint
            b2,c2,2026-01-02T09:05:00Z,Ad,social,awareness,touchpoint
            b2,c2,2026-01-02T09:20:00Z,Shipping,website,purchase,frustration
            b2,c2,2026-01-02T09:30:00Z,Shipping,website,purchase,abandon
            """;

    private static final String FEEDBACK = """
            journey_id,customer_id,timestamp,touchpoint,score,scale,comment
            a1,,,Shipping,5,csat,by id
            ,c1,2026-01-01T10:15:00Z,Pay,9,nps,in force
            ,c1,2026-01-03T00:00:00Z,,8,nps,after a1
            ,c1,2026-01-06T00:00:00Z,Shipping,1,csat,after a2
            ,c2,2026-01-02T09:07:00Z,Shipping,2,csat,overlap
            ,c1,2025-12-31T00:00:00Z,,10,nps,before any
            ,c3,2026-01-02T00:00:00Z,,10,nps,unknown customer
            zz,,,,3,csat,unknown journey
            ,c1,2026-01-20T00:00:00Z,,0,nps,too late
            """;

    @BeforeAll
    void importEvents() {
        importCsv("?openHorizon=0", EVENTS);
    }

    @Test
    @Order(1)
    void badRowsAreA400NamingLineAndFieldAndChangeNothing() {
        String before = storeState();

        Response rejected = post("/api/feedback", "text/csv", """
                journey_id,score,scale
                a1,4,csat
                a1,11,nps
                a1,3,
                """);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().get("detail").asString()).isEqualTo("2 rows are invalid; nothing was imported "
                + "(use onError=skip to store the valid rows)");
        JsonNode errors = rejected.json().get("errors");
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("score");
        assertThat(errors.get(0).get("reason").asString()).contains("nps scale");
        assertThat(errors.get(1).get("line").asLong()).isEqualTo(4);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("scale");
        assertThat(storeState()).isEqualTo(before);
        assertThat(get("/api/experience").json().get("overall").get("responses").asLong()).isZero();

        Response unknownTouchpoint = post("/api/feedback?scale=csat", "text/csv", """
                journey_id,score,touchpoint
                a1,4,Shiping
                """);
        assertThat(unknownTouchpoint.status()).isEqualTo(400);
        assertThat(unknownTouchpoint.json().get("errors").get(0).get("field").asString()).isEqualTo("touchpoint");
        Response badWindow = post("/api/feedback?window=soon", "text/csv", FEEDBACK);
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.json().get("parameter").asString()).isEqualTo("window");
        Response bareNumber = post("/api/feedback?window=7", "text/csv", FEEDBACK);
        assertThat(bareNumber.status()).as("7 would be milliseconds to Spring: a unit is asked for").isEqualTo(400);
        assertThat(bareNumber.json().get("detail").asString()).contains("needs a unit");
        Response overflowing = post("/api/feedback?window=200000000000d", "text/csv", FEEDBACK);
        assertThat(overflowing.status()).as("was a 500: the milliseconds overflowed").isEqualTo(400);
        assertThat(overflowing.json().get("parameter").asString()).isEqualTo("window");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    @Order(1)
    void scoresThatAreNoPlainNumberAndMisspeltOptionsAreA400AndChangeNothing() {
        String before = storeState();

        Response notNumbers = post("/api/feedback?scale=csat", "text/csv", """
                journey_id,score
                a1,NaN
                a1,Infinity
                a1,3d
                a1,"4,5"
                """);

        assertThat(notNumbers.status()).as(notNumbers.body()).isEqualTo(400);
        JsonNode errors = notNumbers.json().get("errors");
        assertThat(errors).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(errors.get(i).get("line").asLong()).isEqualTo(i + 2);
            assertThat(errors.get(i).get("field").asString()).isEqualTo("score");
        }
        assertThat(errors.get(0).get("reason").asString()).isEqualTo("'NaN' is not a number");
        assertThat(errors.get(3).get("reason").asString()).contains("'4,5' is not a number", "decimal=comma");

        Response misspelt = post("/api/feedback?scale=csat&onErorr=skip", "text/csv", "journey_id,score\na1,4\n");
        assertThat(misspelt.status()).as(misspelt.body()).isEqualTo(400);
        assertThat(misspelt.json().get("parameter").asString()).isEqualTo("onErorr");
        assertThat(misspelt.json().get("detail").asString()).contains("is not a parameter of this endpoint",
                "onError");

        Response misnamed = post("/api/feedback?scale=csat&scaleColumn=Scale&commentColumn=Comment", "text/csv", """
                journey_id,touchpoint,score,scale,comment
                a1,Ad,3,nps,the NPS 3 would have been stored as a CSAT 3
                """);
        assertThat(misnamed.status()).as(misnamed.body()).isEqualTo(400);
        JsonNode header = misnamed.json().get("errors").get(0);
        assertThat(header.get("line").asLong()).isEqualTo(1);
        assertThat(header.get("field").asString()).isEqualTo("Scale,Comment");
        assertThat(misnamed.json().get("parameter").asString()).isEqualTo("scaleColumn,commentColumn");
        assertThat(header.get("reason").asString()).isEqualTo("the header has no column named by scaleColumn=Scale, "
                + "commentColumn=Comment (columns found: journey_id, touchpoint, score, scale, comment); names match "
                + "exactly, case included");

        Response longId = post("/api/feedback?scale=csat", "text/csv",
                "journey_id,score\n" + "j".repeat(1001) + ",4\n");
        assertThat(longId.status()).isEqualTo(400);
        assertThat(longId.json().get("errors")).as("one error: too long, not also missing").singleElement()
                .satisfies(error -> assertThat(error.get("reason").asString()).contains("longer than 1000"));

        Response oneIdTwoAnswers = post("/api/feedback", "text/csv", """
                response_id,journey_id,touchpoint,score,scale
                resp-1,a1,Ad,1,csat
                resp-1,a1,Ad,1,csat
                resp-1,a1,,0,nps
                """);
        assertThat(oneIdTwoAnswers.status()).as("the NPS 0 was dropped as a duplicate").isEqualTo(400);
        JsonNode repeated = oneIdTwoAnswers.json().get("errors");
        assertThat(repeated).as("the same answer twice is a duplicate, not an error").hasSize(1);
        assertThat(repeated.get(0).get("line").asLong()).isEqualTo(4);
        assertThat(repeated.get(0).get("field").asString()).isEqualTo("response_id");
        assertThat(repeated.get(0).get("reason").asString()).startsWith("repeats the id of line 2 with another answer");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    @Order(1)
    void ndjsonFieldsGivenABooleanAnObjectOrAnArrayAreA400AndChangeNothing() {
        String before = storeState();

        Response rejected = post("/api/feedback", "application/x-ndjson", """
                {"journey_id":"a1","score":4,"scale":"csat"}
                {"journey_id":["a1"],"score":4,"scale":"csat"}
                {"journey_id":"a1","score":true,"scale":"csat","comment":{"text":"fine"}}
                {"journey_id":"a1","score":"lots","scale":"csat"}
                """);

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.errorLines()).containsExactly("2 journey_id must be a string, got an array",
                "3 score must be a number, got a boolean", "3 comment must be a string, got an object",
                "4 score 'lots' is not a number");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    @Order(1)
    void anNdjsonKeyNamedByAParameterThatNoObjectHasIsA400NamingTheParameter() {
        String before = storeState();

        Response misnamed = post("/api/feedback?scoreColumn=stars", "application/x-ndjson", """
                {"journey_id":"a1","Stars":4,"scale":"csat"}
                {"journey_id":"a1","Stars":2,"scale":"csat"}
                """);

        assertThat(misnamed.status()).as(misnamed.body()).isEqualTo(400);
        assertThat(misnamed.json().get("parameter").asString()).isEqualTo("scoreColumn");
        assertThat(misnamed.errorLines()).containsExactly("1 stars no object has the key named by scoreColumn=stars "
                + "(keys of line 1: journey_id, Stars, scale); names match exactly, case included");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    @Order(1)
    void aCsvOfOnlyAHeaderIsRefusedAtLineOneForHavingNoDataRows() {
        String before = storeState();

        Response response = post("/api/feedback", "text/csv", "journey_id,score,scale\n");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("no data rows", "only a header");
        assertThat(onlyError(response)).isEqualTo("1 is the header, and no data row follows it");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void joinsAnswersByJourneyIdOrByCustomerAndTimeAndReportsTheUnmatched() {
        Response imported = post("/api/feedback", "text/csv", FEEDBACK);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode report = imported.json();
        assertThat(report.get("rowsRead").asLong()).isEqualTo(9);
        assertThat(report.get("imported").asLong()).isEqualTo(9);
        assertThat(report.get("matched").asLong()).isEqualTo(5);
        assertThat(report.get("unmatched").asLong()).isEqualTo(4);
        Map<Long, String> reasons = new HashMap<>();
        report.get("unmatchedRows").forEach(row -> reasons.put(row.get("line").asLong(), row.get("reason").asString()));
        assertThat(reasons).containsOnlyKeys(7L, 8L, 9L, 10L);
        assertThat(reasons.get(8L)).contains("customer 'c3' has no stored journey");
        assertThat(reasons.get(9L)).contains("journey 'zz' is not stored");
        assertThat(reasons.get(10L)).contains("ended at most PT168H before it");
        assertThat(aboutJourney()).containsExactlyInAnyOrderEntriesOf(Map.of("by id", "a1", "in force", "a1",
                "after a1", "a1", "after a2", "a2", "overlap", "b2"));
        try (var session = driver.session()) {
            assertThat(session.run("MATCH ()-[a:ANSWERED]->() RETURN count(a) AS n").single().get("n").asLong())
                    .as("the matched answers").isEqualTo(5);
            assertThat(session.run("MATCH (r:Response) RETURN count(r) AS n").single().get("n").asLong())
                    .as("unmatched answers are stored too").isEqualTo(4);
            assertThat(session.run("""
                    RETURN COUNT { (:Journey)-[:ANSWERED]->(:Touchpoint {name: 'Shipping'}) }
                         + COUNT { (:Response)-[:AT]->(:Touchpoint {name: 'Shipping'}) } AS n""")
                    .single().get("n").asLong()).isEqualTo(3);
        }

        Response again = post("/api/feedback", "text/csv", FEEDBACK);
        assertThat(again.json().get("imported").asLong()).as("the same answers are stored once").isZero();
        assertThat(again.json().get("duplicates").asLong()).isEqualTo(9);
        assertThat(again.json().get("duplicatesStoredUnmatched").asLong()).isEqualTo(4);
        assertThat(again.json().get("duplicatesMatchingNow").asLong()).isZero();

        Response wider = post("/api/feedback?window=30d", "text/csv", FEEDBACK);
        assertThat(wider.json().get("imported").asLong()).isZero();
        assertThat(wider.json().get("duplicatesStoredUnmatched").asLong()).isEqualTo(4);
        assertThat(wider.json().get("duplicatesMatchingNow").asLong())
                .as("'too late' ended 15 days after a2: it keeps its first join, and the report says it would match")
                .isEqualTo(1);
        assertThat(wider.json().get("duplicatesWithOtherAnswer").asLong()).isZero();

        Response corrected = post("/api/feedback", "text/csv", """
                response_id,journey_id,touchpoint,score,scale
                fixed-1,zz-fixed,,2,csat
                """);
        assertThat(corrected.json().get("imported").asLong()).isEqualTo(1);
        Response correctedAgain = post("/api/feedback", "text/csv", """
                response_id,journey_id,touchpoint,score,scale
                fixed-1,zz-fixed,,4,csat
                """);
        assertThat(correctedAgain.json().get("imported").asLong()).isZero();
        assertThat(correctedAgain.json().get("duplicatesWithOtherAnswer").asLong())
                .as("the stored answer stays, and the report says this one differs").isEqualTo(1);
    }

    @Test
    @Order(3)
    void anAnswerThatMatchedNoJourneyLeavesOutTheTextsItLacksAsAJoinedOneDoes() {
        try (var session = driver.session()) {
            assertThat(session.run("""
                    MATCH (r:Response)
                    RETURN count(r) AS all, count(CASE WHEN r.stage IS NULL THEN r END) AS withoutStage""")
                    .single().asMap()).as("no unmatched answer names a stage")
                    .containsEntry("all", 5L).containsEntry("withoutStage", 5L);
            assertThat(keys(session, "MATCH (r:Response {comment: 'unknown journey'}) RETURN keys(r) AS k"))
                    .contains("journeyId", "comment").doesNotContain("customerId", "touchpoint", "stage", "at");
            assertThat(keys(session, "MATCH (r:Response {comment: 'before any'}) RETURN keys(r) AS k"))
                    .contains("customerId", "at").doesNotContain("journeyId", "touchpoint", "stage");
            assertThat(keys(session, "MATCH (r:Response {id: 'fixed-1'}) RETURN keys(r) AS k"))
                    .doesNotContain("comment", "customerId", "touchpoint", "stage");
            assertThat(session.run("MATCH (r:Response) WHERE '' IN [r.journeyId, r.customerId, r.touchpoint, "
                    + "r.stage, r.comment] RETURN count(r) AS n").single().get("n").asLong()).isZero();
        }
    }

    private static List<String> keys(org.neo4j.driver.Session session, String query) {
        return session.run(query).single().get("k").asList(org.neo4j.driver.Value::asString);
    }

    @Test
    @Order(3)
    void aLongerWindowJoinsALateAnswerAndNdjsonIsRead() {
        Response late = post("/api/feedback?window=30d&format=ndjson", "application/x-ndjson", """
                {"customer_id":"c1","timestamp":"2026-01-20T00:00:00Z","score":0,"scale":"nps","comment":"late but joined"}
                """);

        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().get("matched").asLong()).isEqualTo(1);
        assertThat(aboutJourney()).containsEntry("late but joined", "a2");
    }

    @Test
    @Order(4)
    void skipStoresTheValidRowsAndCountsTheOthers() {
        Response skipped = post("/api/feedback?onError=skip&scale=ces", "text/csv", """
                journey_id,touchpoint,score
                b1,Rival,7
                b1,Rival,9
                """);

        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.json().get("imported").asLong()).isEqualTo(1);
        assertThat(skipped.json().get("rowsRejected").asLong()).isEqualTo(1);
        assertThat(skipped.json().get("errors").get(0).get("line").asLong()).isEqualTo(3);
    }

    @Test
    @Order(5)
    void experienceByTouchpointCountsAnswersFrustrationAndComments() {
        JsonNode answer = get("/api/experience?by=touchpoint").json();

        JsonNode shipping = label(answer, "Shipping");
        // csat 5 (a1), csat 1 (a2), csat 2 (b2): normalized 1, 0, 0.25
        assertThat(shipping.get("experience").get("responses").asLong()).isEqualTo(3);
        assertThat(shipping.get("experience").get("meanScore").asDouble()).isCloseTo(1.25 / 3, within(1e-9));
        assertThat(shipping.get("experience").get("negativeShare").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(shipping.get("experience").has("nps")).as("no NPS answers there").isFalse();
        assertThat(shipping.get("visits").asLong()).isEqualTo(3);
        assertThat(shipping.get("frustrationEvents").asLong()).isEqualTo(1);
        // The CSAT 5 of a1 ("by id") is praise, not among the most negative: only the two negative answers are.
        assertThat(shipping.get("comments")).extracting(comment -> comment.get("comment").asString())
                .containsExactly("after a2", "overlap");
        assertThat(shipping.get("comments").get(0).get("at").asString()).isEqualTo("2026-01-06T00:00:00Z");
        assertThat(label(answer, "Pay").get("experience").get("nps").get("score").asDouble()).isEqualTo(100);
        assertThat(answer.get("overall").get("responses").asLong()).as("7 matched answers").isEqualTo(7);
        assertThat(answer.get("answer").asString()).contains("of 7 answers");

        JsonNode byStage = get("/api/experience?by=stage").json();
        assertThat(label(byStage, "purchase").get("experience").get("responses").asLong()).isEqualTo(4);
        JsonNode bought = get("/api/experience?outcome=purchase").json();
        assertThat(bought.get("overall").get("responses").asLong()).isEqualTo(3);
    }

    @Test
    @Order(6)
    void painPointsAndDriversShowTheirTerms() {
        JsonNode pain = get("/api/experience/painpoints?minResponses=1").json();

        assertThat(pain.get("formula").asString()).contains("badExperience × journeys × lostShare");
        JsonNode first = pain.get("painPoints").get(0);
        assertThat(first.get("touchpoint").asString()).isEqualTo("Shipping");
        assertThat(first.get("cost").asDouble()).isCloseTo(first.get("badExperience").asDouble()
                * first.get("journeys").asLong() * first.get("lostShare").asDouble(), within(1e-9));
        assertThat(first.get("why").asString()).contains("answers negative");

        JsonNode drivers = get("/api/experience/drivers").json();
        assertThat(drivers.get("drivers")).isNotNull();
        for (JsonNode driver : drivers.get("drivers")) {
            assertThat(driver.get("adjustedPValue").asDouble()).isBetween(driver.get("pValue").asDouble(), 1.0);
        }
    }

    @Test
    @Order(7)
    void badParametersAreA400NamingThem() {
        Response by = get("/api/experience?by=page");
        assertThat(by.status()).isEqualTo(400);
        assertThat(by.json().get("parameter").asString()).isEqualTo("by");
        Response level = get("/api/experience?level=stage");
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.json().get("parameter").asString()).isEqualTo("level");
        Response limit = get("/api/experience/painpoints?limit=0");
        assertThat(limit.json().get("parameter").asString()).isEqualTo("limit");
    }

    @Test
    @Order(8)
    void scoresWithADecimalCommaAreReadWithDecimalComma() {
        Response imported = post("/api/feedback?scale=rating&decimal=comma", "text/csv", """
                response_id,journey_id,score
                comma-1,a1,"4,5"
                """);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        try (var session = driver.session()) {
            assertThat(session.run("MATCH ()-[a:ANSWERED {id: 'comma-1'}]->() RETURN a.score AS score").single()
                    .get("score").asDouble()).isEqualTo(4.5);
        }
    }

    @Test
    @Order(9)
    void answersWithImplausibleTimesAreStoredWithAWarningAsEventsAre() {
        // Epoch seconds read as milliseconds: January 1970, unmatched, and without the warning unnoticed.
        Response imported = post("/api/feedback?scale=csat&timestampFormat=epoch-millis", "text/csv", """
                customer_id,timestamp,score,comment
                c1,1767261600,4,read in 1970
                """);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode warning = imported.json().get("warnings").get(0);
        assertThat(warning.get("kind").asString()).isEqualTo("implausible-timestamp");
        assertThat(warning.get("count").asLong()).isEqualTo(1);
        assertThat(warning.get("message").asString()).startsWith("1 answer has a timestamp before 1990");
        assertThat(warning.get("examples").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(warning.get("examples").get(0).get("value").asString()).contains("1970-01-21");
    }

    @Test
    @Order(10)
    void anAnswerNamingAJourneyNotYetStoredIsJoinedWhenItsEventsArrive() {
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (r:Response {journeyId: 'zz'}) RETURN r.comment AS c").single()
                    .get("c").asString()).as("kept with the journey it names").isEqualTo("unknown journey");
        }
        long before = responsesOf(get("/api/experience?includeOpen=true").json());

        Response events = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint,channel,stage
                zz,c9,2026-01-08T10:00:00Z,Ad,social,awareness
                zz,c9,2026-01-08T10:05:00Z,Shipping,website,purchase
                """);
        assertThat(events.status()).as(events.body()).isEqualTo(200);

        assertThat(aboutJourney()).containsEntry("unknown journey", "zz");
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (r:Response {journeyId: 'zz'}) RETURN count(r) AS n").single()
                    .get("n").asLong()).as("the node became the journey's ANSWERED relationship").isZero();
            assertThat(session.run("MATCH (:Journey {id: 'zz'})-[a:ANSWERED]->(j) RETURN a.score AS s, "
                    + "a.customerId IS NULL AS noCustomer, j.id AS about").single().asMap())
                    .containsEntry("s", 3.0).containsEntry("noCustomer", true).containsEntry("about", "zz");
        }
        assertThat(responsesOf(get("/api/experience?includeOpen=true").json()))
                .as("the analyses count it now").isEqualTo(before + 1);

        String importId = events.json().get("importId").asString();
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/imports/" + importId)).DELETE()
                .header("X-API-Key", API_KEY).build()).status()).isEqualTo(200);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (r:Response {journeyId: 'zz'}) RETURN r.comment AS c").single()
                    .get("c").asString()).as("undoing the events makes it wait again").isEqualTo("unknown journey");
        }
    }

    @Test
    @Order(11)
    void answerTimesWithAZoneInBracketsAreReadAsEventTimesAre() {
        // 11:10 in Paris is 10:10 UTC on January 5: during a2 (10:00 to 10:20 UTC).
        Response imported = post("/api/feedback?scale=csat", "text/csv", """
                customer_id,timestamp,score,comment
                c1,2026-01-05T11:10+01:00[Europe/Paris],2,zoned in a2
                """);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(aboutJourney()).containsEntry("zoned in a2", "a2");
    }

    @Test
    @Order(11)
    void answerTimesWhoseOffsetDisagreesWithTheirZoneAreRefusedInCsvAndNdjson() {
        String before = storeState();

        Response csv = post("/api/feedback?scale=csat", "text/csv", """
                customer_id,timestamp,score,comment
                c1,2026-01-05T11:10+05:00[Europe/Paris],2,zone and offset apart
                """);
        Response ndjson = post("/api/feedback?scale=csat", "application/x-ndjson", """
                {"customer_id":"c1","timestamp":"2026-01-05T11:10+02:00[Europe/Paris]","score":2}
                """);

        assertThat(csv.status()).as(csv.body()).isEqualTo(400);
        assertThat(csv.errorLines()).singleElement().asString().startsWith("2 timestamp '2026-01-05T11:10+05:00"
                + "[Europe/Paris]' has the offset +05:00 and the zone Europe/Paris, which disagree");
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(400);
        assertThat(ndjson.errorLines()).singleElement().asString().startsWith("1 timestamp '2026-01-05T11:10+02:00"
                + "[Europe/Paris]' has the offset +02:00 and the zone Europe/Paris, which disagree");
        assertThat(storeState()).isEqualTo(before);
    }

    private static long responsesOf(JsonNode experience) {
        return experience.get("overall").get("responses").asLong();
    }

    private Map<String, String> aboutJourney() {
        Map<String, String> about = new HashMap<>();
        try (var session = driver.session()) {
            session.run("MATCH (j:Journey)-[a:ANSWERED]->() RETURN a.comment AS comment, j.id AS journey")
                    .forEachRemaining(r -> about.put(r.get("comment").asString(), r.get("journey").asString()));
        }
        return about;
    }

    private static JsonNode label(JsonNode answer, String label) {
        for (JsonNode row : answer.get("labels")) {
            if (row.get("label").asString().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no label " + label + " in " + answer);
    }

    /** The problem's one error, as "line reason" (an error about the whole row has no field). */
    private static String onlyError(Response response) {
        JsonNode errors = response.json().get("errors");
        assertThat(errors).hasSize(1);
        return errors.get(0).get("line").asLong() + " " + errors.get(0).get("reason").asString();
    }
}
