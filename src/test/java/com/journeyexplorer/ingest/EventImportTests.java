package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Import behaviours over HTTP on the embedded Neo4j: formats, mapping, outcomes, sessions, idempotence, bad rows.
 * Each test uses its own journey ids, so the tests are independent although they share one database.
 */
class EventImportTests extends ApiTestSupport {

    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";

    private List<String> steps(String journeyId) {
        List<String> names = new ArrayList<>();
        get("/api/journeys/" + journeyId).json().get("steps").forEach(s -> names.add(s.get("touchpoint").asString()));
        return names;
    }

    private String outcome(String journeyId) {
        return get("/api/journeys/" + journeyId).json().get("outcome").asString();
    }

    @Test
    void importsCanonicalCsvWithEveryOptionalFieldAndKeepsOtherColumnsAsAttributes() {
        importCsv("", """
                journey_id,timestamp,touchpoint,channel,stage,customer_id,owner,type,value,segment,device,campaign
                canon-1,2026-03-01T10:00:00Z,Instagram ad,social,awareness,c-1,own,touchpoint,,trend follower,mobile,spring
                canon-1,2026-03-01T10:05:00Z,Product page,website,consideration,c-1,own,touchpoint,,,,
                canon-1,2026-03-01T10:09:00Z,Order confirmation,website,purchase,c-1,own,purchase,59.90,,,
                """);

        JsonNode journey = get("/api/journeys/canon-1").json();
        assertThat(journey.get("outcome").asString()).isEqualTo("PURCHASE");
        assertThat(journey.get("customerId").asString()).isEqualTo("c-1");
        assertThat(journey.get("segment").asString()).isEqualTo("trend follower");
        assertThat(journey.get("device").asString()).isEqualTo("mobile");
        assertThat(journey.get("value").asDouble()).isEqualTo(59.90);
        assertThat(journey.get("attributes").get("campaign").asString()).isEqualTo("spring");
        assertThat(journey.get("steps").get(0).get("channel").asString()).isEqualTo("social");
        assertThat(journey.get("steps").get(2).get("type").asString()).isEqualTo("purchase");
    }

    @Test
    void importsNdjson() {
        Response response = post("/api/events", "application/x-ndjson", """
                {"journey_id":"nd-1","timestamp":"2026-03-01T10:00:00Z","touchpoint":"Newsletter","channel":"email"}
                {"journey_id":"nd-1","timestamp":1772359500000,"touchpoint":"Cart"}

                {"journey_id":"nd-1","timestamp":"2026-03-01T10:10:00Z","touchpoint":"Order confirmation","type":"purchase","value":12.5}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("eventsImported").asLong()).isEqualTo(3);
        assertThat(steps("nd-1")).containsExactly("Newsletter", "Cart", "Order confirmation");
        assertThat(outcome("nd-1")).isEqualTo("PURCHASE");
    }

    @Test
    void refusesNdjsonFieldsGivenABooleanAnObjectOrAnArrayAndWritesNothing() {
        String before = storeState();
        Response response = post("/api/events", NDJSON, """
                {"journey_id":"ndt-1","timestamp":"2026-03-01T10:00:00Z","touchpoint":"Home"}
                {"journey_id":"ndt-1","timestamp":"2026-03-01T10:01:00Z","touchpoint":true}
                {"journey_id":{"a":1},"timestamp":"2026-03-01T10:02:00Z","touchpoint":"Cart"}
                {"journey_id":"ndt-1","timestamp":"2026-03-01T10:03:00Z","touchpoint":["x"]}
                {"journey_id":"ndt-1","timestamp":false,"touchpoint":"Cart","value":[1],"channel":{}}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorLines()).containsExactly("2 touchpoint must be a string, got a boolean",
                "3 journey_id must be a string, got an object", "4 touchpoint must be a string, got an array",
                "5 timestamp must be a string or a number, got a boolean",
                "5 channel must be a string, got an object", "5 value must be a number, got an array");
        assertThat(get("/api/journeys/ndt-1").status()).isEqualTo(404);
        assertThat(get("/api/journeys/true").status()).isEqualTo(404);
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void skipsAnNdjsonRowWithABooleanFieldAndReadsNumbersAndExtraBooleansAsText() {
        JsonNode report = post("/api/events?onError=skip", NDJSON, """
                {"journey_id":"ndt-2","timestamp":"2026-03-01T10:00:00Z","touchpoint":"Home","logged_in":true}
                {"journey_id":"ndt-2","timestamp":"2026-03-01T10:01:00Z","touchpoint":false}
                {"journey_id":"ndt-2","timestamp":"2026-03-01T10:02:00Z","touchpoint":"Cart","segment":null}
                {"journey_id":42,"timestamp":1772359200000,"touchpoint":7,"customer_id":9,"event_id":1001}
                """).json();

        assertThat(report.get("eventsImported").asLong()).isEqualTo(3);
        assertThat(report.get("rowsRejected").asLong()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(report.get("errors").get(0).get("field").asString()).isEqualTo("touchpoint");
        assertThat(report.get("warnings").get(0).get("message").asString()).contains("'ndt-2'");
        assertThat(steps("ndt-2")).containsExactly("Home", "Cart");
        assertThat(get("/api/journeys/ndt-2").json().get("attributes").get("logged_in").asString())
                .as("an extra column is not a field: its boolean is kept as text").isEqualTo("true");
        assertThat(steps("42")).as("numbers are read as the text they are written as").containsExactly("7");
        assertThat(get("/api/journeys/42").json().get("customerId").asString()).isEqualTo("9");
    }

    @Test
    void refusesATimeWhoseOffsetDisagreesWithItsZoneInCsvAndNdjson() {
        String before = storeState();
        Response csv = post("/api/events", "text/csv", """
                journey_id,timestamp,touchpoint
                clash-1,2026-03-01T10:00+01:00[Europe/Paris],Home
                clash-1,2026-03-01T10:05+05:00[Europe/Paris],Cart
                """);
        Response ndjson = post("/api/events", NDJSON, """
                {"journey_id":"clash-2","timestamp":"2026-07-01T10:00+01:00[Europe/Paris]","touchpoint":"Home"}
                {"journey_id":"clash-2","timestamp":"2026-07-01T10:05+02:00[Europe/Paris]","touchpoint":"Cart"}
                """);

        assertThat(csv.status()).as(csv.body()).isEqualTo(400);
        assertThat(csv.errorLines()).containsExactly("3 timestamp '2026-03-01T10:05+05:00[Europe/Paris]' has the "
                + "offset +05:00 and the zone Europe/Paris, which disagree: Europe/Paris is +01:00 at that time "
                + "(write the offset the zone uses, or one of the two alone)");
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(400);
        assertThat(ndjson.errorLines()).singleElement().asString().startsWith("1 timestamp '2026-07-01T10:00+01:00"
                + "[Europe/Paris]' has the offset +01:00 and the zone Europe/Paris, which disagree: Europe/Paris is "
                + "+02:00 at that time");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void readsTimesWithAZoneInBracketsAsZonedDateTimeWritesThem() {
        importCsv("", """
                journey_id,timestamp,touchpoint
                zoned-1,2026-03-01T10:30:00Z,Cart
                zoned-1,2026-03-01T10:00:00+01:00[Europe/Paris],Home
                zoned-1,2026-03-01T11:15[Europe/Paris],Product
                """);

        JsonNode steps = get("/api/journeys/zoned-1").json().get("steps");
        assertThat(steps("zoned-1")).containsExactly("Home", "Product", "Cart");
        assertThat(steps.get(0).get("at").asString()).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(steps.get(1).get("at").asString()).isEqualTo("2026-03-01T10:15:00Z");
    }

    @Test
    void keepsNdjsonNumbersUsedAsTextAsWrittenSoThat7e2IsNot700() {
        Response response = post("/api/events", NDJSON, """
                {"journey_id":7e2,"timestamp":1.7723592e12,"touchpoint":1E+2,"customer_id":2.50}
                {"journey_id":700,"timestamp":"2026-03-01T10:00:00Z","touchpoint":-0}
                {"journey_id":-0,"timestamp":"2026-03-01T10:00:00Z","touchpoint":-0.0}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("journeysCreated").asLong()).isEqualTo(3);
        JsonNode exponent = get("/api/journeys/7e2").json();
        assertThat(exponent.get("steps").get(0).get("touchpoint").asString()).isEqualTo("1E+2");
        assertThat(exponent.get("steps").get(0).get("at").asString()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(exponent.get("customerId").asString()).isEqualTo("2.50");
        assertThat(steps("700")).containsExactly("-0");
        assertThat(steps("-0")).containsExactly("-0.0");
    }

    @Test
    void warnsOfColumnsWithoutANameWhoseValuesAreNotReadNamingTheirPositions() {
        String csv = """
                ,journey_id,timestamp,,touchpoint,
                0,unnamed-1,2026-03-01T10:00:00Z,,Home,
                1,unnamed-1,2026-03-01T10:05:00Z,kept?,Cart,
                """;

        JsonNode preview = post("/api/events/preview?openHorizon=0", CSV, csv).json();
        JsonNode report = importCsv("?openHorizon=0", csv);

        for (JsonNode answer : List.of(preview, report)) {
            assertThat(answer.get("warnings")).as(answer.toString()).singleElement().satisfies(warning -> {
                assertThat(warning.get("kind").asString()).isEqualTo("unnamed-column");
                assertThat(warning.get("count").asLong()).as("not the last, empty column").isEqualTo(2);
                assertThat(warning.get("message").asString()).startsWith("columns 1, 4 of the header have no name "
                        + "but values (the first: '0' at line 2, 'kept?' at line 3), which were not read");
                assertThat(warning.get("examples").get(1).get("field").asString()).isEqualTo("column 4");
            });
        }
        assertThat(steps("unnamed-1")).containsExactly("Home", "Cart");
    }

    @Test
    void ordersEventsByTimeAndKeepsFileOrderForTies() {
        importCsv("", """
                journey_id,timestamp,touchpoint
                order-1,2026-03-01T10:05:00Z,Second
                order-1,2026-03-01T10:00:00Z,First
                order-1,2026-03-01T10:05:00Z,Third
                """);

        assertThat(steps("order-1")).containsExactly("First", "Second", "Third");
    }

    @Test
    void decidesTheThreeOutcomes() {
        importCsv("?competitor=Rival site,Rival store&purchase=Checkout done&openHorizon=0", """
                journey_id,timestamp,touchpoint
                out-p,2026-03-01T10:00:00Z,Home
                out-p,2026-03-01T10:01:00Z,Checkout done
                out-p,2026-03-01T10:02:00Z,Rival site
                out-d,2026-03-01T10:00:00Z,Home
                out-d,2026-03-01T10:01:00Z,Rival store
                out-a,2026-03-01T10:00:00Z,Rival site
                out-a,2026-03-01T10:01:00Z,Home
                """);

        assertThat(outcome("out-p")).isEqualTo("PURCHASE");
        assertThat(outcome("out-d")).isEqualTo("DIVERTED");
        assertThat(outcome("out-a")).isEqualTo("ABANDONED");
        assertThat(get("/api/journeys/out-p").json().get("pathToPurchaseLength").asInt()).isEqualTo(2);
    }

    @Test
    void readsCompetitorsFromARegularExpressionOrTheOwnerColumn() {
        importCsv("?competitor=Compet.*&openHorizon=0", """
                journey_id,timestamp,touchpoint,owner
                rx-1,2026-03-01T10:00:00Z,Home,
                rx-1,2026-03-01T10:01:00Z,CompetitorX offer,
                rx-2,2026-03-01T10:00:00Z,Home,
                rx-2,2026-03-01T10:01:00Z,Marketplace Z,competitor
                """);

        assertThat(outcome("rx-1")).isEqualTo("DIVERTED");
        assertThat(outcome("rx-2")).isEqualTo("DIVERTED");
    }

    @Test
    void splitsACustomersEventsIntoJourneysAtTheInactivityGap() {
        JsonNode report = importCsv("", """
                customer_id,timestamp,touchpoint
                gap-c,2026-03-01T10:00:00Z,Home
                gap-c,2026-03-01T10:20:00Z,Product page
                gap-c,2026-03-01T11:00:00Z,Home
                gap-c,2026-03-01T11:10:00Z,Cart
                """);

        assertThat(report.get("journeysCreated").asLong()).isEqualTo(2);
        assertThat(steps("gap-c@2026-03-01T10:00:00Z")).containsExactly("Home", "Product page");
        assertThat(steps("gap-c@2026-03-01T11:00:00Z")).containsExactly("Home", "Cart");

        JsonNode longerGap = importCsv("?sessionGap=2h", """
                customer_id,timestamp,touchpoint
                gap-d,2026-03-01T10:00:00Z,Home
                gap-d,2026-03-01T11:00:00Z,Cart
                """);
        assertThat(longerGap.get("journeysCreated").asLong()).isEqualTo(1);
    }

    @Test
    void keepsEventsExactlyTheSessionGapApartInOneJourneyAndSplitsOnlyPastIt() {
        JsonNode report = importCsv("", """
                customer_id,timestamp,touchpoint
                gap-e,2026-03-01T10:00:00Z,Home
                gap-e,2026-03-01T10:30:00Z,Product page
                gap-e,2026-03-01T11:00:00.001Z,Cart
                """);

        assertThat(report.get("journeysCreated").asLong()).isEqualTo(2);
        assertThat(steps("gap-e@2026-03-01T10:00:00Z")).containsExactly("Home", "Product page");
        assertThat(steps("gap-e@2026-03-01T11:00:00.001Z")).containsExactly("Cart");
    }

    @Test
    void extendsAStoredJourneyWithLaterEventsAndRecomputesItsOutcome() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                ext-1,2026-03-01T10:00:00Z,Home
                ext-1,2026-03-01T10:05:00Z,Cart
                """);
        assertThat(outcome("ext-1")).isEqualTo("ABANDONED");

        JsonNode report = importCsv("", """
                journey_id,timestamp,touchpoint,type
                ext-1,2026-03-01T10:05:00Z,Cart,
                ext-1,2026-03-01T10:09:00Z,Order confirmation,purchase
                """);

        assertThat(report.get("journeysUpdated").asLong()).isEqualTo(1);
        assertThat(report.get("duplicateEvents").asLong()).isEqualTo(1);
        assertThat(report.get("eventsImported").asLong()).isEqualTo(1);
        assertThat(steps("ext-1")).containsExactly("Home", "Cart", "Order confirmation");
        assertThat(outcome("ext-1")).isEqualTo("PURCHASE");
    }

    @Test
    void aJourneyAttributeThatStartsVaryingBecomesAnEventAttribute() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint,resource,campaign
                ev-1,2026-03-01T10:00:00Z,Home,112,autumn
                ev-1,2026-03-01T10:01:00Z,Cart,112,autumn
                """);
        assertThat(selected("attr.resource=112")).isEqualTo(1);
        assertThat(selected("event.resource=112")).isEqualTo(1);

        importCsv("", """
                journey_id,timestamp,touchpoint,resource,campaign
                ev-1,2026-03-01T10:02:00Z,Checkout,113,autumn
                """);

        assertThat(selected("attr.resource=112")).isZero();
        assertThat(selected("attr.resource=113")).isZero();
        assertThat(selected("event.resource=112")).isEqualTo(1);
        assertThat(selected("event.resource=113")).isEqualTo(1);
        assertThat(selected("attr.campaign=autumn")).isEqualTo(1);
        JsonNode journey = get("/api/journeys/ev-1").json();
        assertThat(journey.get("attributes").has("resource")).isFalse();
        List<String> resources = new ArrayList<>();
        journey.get("steps").forEach(step -> resources.add(step.get("attributes").get("resource").asString()));
        assertThat(resources).containsExactly("112", "112", "113");
        try (var session = driver.session()) {
            List<String> stored = session.run("""
                    MATCH (:Journey {id: 'ev-1'})-[v:VISITED]->() RETURN v.`attr.resource` AS r ORDER BY v.index""")
                    .list(row -> row.get("r").asString());
            assertThat(stored).containsExactly("112", "112", "113");
            var node = session.run("MATCH (j:Journey {id: 'ev-1'}) RETURN j.`attr.resource` AS a, "
                    + "j.`attr.campaign` AS c").single();
            assertThat(node.get("a").isNull()).isTrue();
            assertThat(node.get("c").asString()).isEqualTo("autumn");
        }
    }

    private long selected(String filter) {
        Response response = get("/api/paths/top?includeOpen=true&" + filter);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("total").asLong();
    }

    @Test
    void countsEventsWithTheSameEventIdOnce() {
        JsonNode report = importCsv("", """
                event_id,journey_id,timestamp,touchpoint
                e1,eid-1,2026-03-01T10:00:00Z,Home
                e1,eid-1,2026-03-01T10:00:00Z,Home
                e2,eid-1,2026-03-01T10:00:00Z,Home
                """);

        assertThat(report.get("eventsImported").asLong()).isEqualTo(2);
        assertThat(report.get("duplicateEvents").asLong()).isEqualTo(1);
    }

    @Test
    void rejectsAnUploadWithABadRowWholeAndNamesLineFieldAndReason() {
        JsonNode before = get("/api/stats").json();
        Response response = post("/api/events", CSV, """
                journey_id,timestamp,touchpoint,type,owner,value
                bad-1,2026-03-01T10:00:00Z,Home,,,
                bad-1,not a time,Cart,,,
                bad-1,2026-03-01T10:02:00Z,,,,
                bad-1,2026-03-01T10:03:00Z,Cart,bought,,
                bad-1,2026-03-01T10:04:00Z,Cart,,theirs,
                bad-1,2026-03-01T10:05:00Z,Cart,,,lots
                ,2026-03-01T10:06:00Z,Cart,,,
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("errorCount").asLong()).isEqualTo(6);
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(e.get("line").asLong() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactly("3:timestamp", "4:touchpoint", "5:type", "6:owner", "7:value",
                "8:journey_id");
        assertThat(problem.get("errors").get(0).get("reason").asString()).contains("not a time");
        assertThat(get("/api/journeys/bad-1").status()).isEqualTo(404);
        assertThat(get("/api/stats").json()).isEqualTo(before);
    }

    @Test
    void theRefusalCountsOneInvalidRowInTheSingularAndMoreInThePlural() {
        String header = "journey_id,timestamp,touchpoint,type\n";
        Response one = post("/api/events", CSV, header + "num-1,2026-03-01T10:00:00Z,Home,\n"
                + "num-1,soon,Cart,bought\n");
        Response two = post("/api/events", CSV, header + "num-2,soon,Home,bought\nnum-2,later,Cart,\n");

        assertThat(one.status()).as(one.body()).isEqualTo(400);
        assertThat(one.json().get("errorCount").asLong()).as("two errors in one row").isEqualTo(2);
        assertThat(one.json().get("detail").asString()).isEqualTo("1 row is invalid; nothing was imported (use "
                + "onError=skip to import the valid rows)");
        assertThat(two.status()).as(two.body()).isEqualTo(400);
        assertThat(two.json().get("detail").asString()).isEqualTo("2 rows are invalid; nothing was imported (use "
                + "onError=skip to import the valid rows)");
    }

    @Test
    void importsTheGoodRowsAndReportsTheBadOnesWhenAskedToSkip() {
        JsonNode report = importCsv("?onError=skip", """
                journey_id,timestamp,touchpoint
                skip-1,2026-03-01T10:00:00Z,Home
                skip-1,yesterday,Cart
                skip-1,2026-03-01T10:02:00Z,Cart
                """);

        assertThat(report.get("eventsImported").asLong()).isEqualTo(2);
        assertThat(report.get("rowsRejected").asLong()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(steps("skip-1")).containsExactly("Home", "Cart");
        JsonNode cut = report.get("warnings").get(0);
        assertThat(cut.get("kind").asString()).isEqualTo("journeys-missing-rows");
        assertThat(cut.get("count").asLong()).isEqualTo(1);
        assertThat(cut.get("message").asString()).contains("'skip-1'", "may change their paths and outcomes");
    }

    @Test
    void rejectsAHeaderWithoutTheRequiredColumnsAndSaysWhichAreThere() {
        Response response = post("/api/events", CSV, "id;when;what\n1;2026-03-01T10:00:00Z;Home\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("reason").asString())
                .contains("touchpoint", "id;when;what");
    }

    @Test
    void rejectsRowsWithTheWrongNumberOfFieldsAndUnterminatedQuotes() {
        Response wrongCount = post("/api/events", CSV, """
                journey_id,timestamp,touchpoint
                fc-1,2026-03-01T10:00:00Z,Home,extra
                """);
        assertThat(wrongCount.status()).isEqualTo(400);
        assertThat(wrongCount.json().get("errors").get(0).get("reason").asString()).contains("4 fields");

        Response unterminated = post("/api/events", CSV, """
                journey_id,timestamp,touchpoint
                fc-2,2026-03-01T10:00:00Z,"Home
                """);
        assertThat(unterminated.status()).isEqualTo(400);
        assertThat(get("/api/journeys/fc-2").status()).isEqualTo(404);
    }

    @Test
    void rejectsBadQueryParametersByName() {
        Response response = post("/api/events?onError=maybe", CSV, "journey_id,timestamp,touchpoint\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("parameter").asString()).isEqualTo("onError");

        Response regex = post("/api/events?competitor=%5Bunclosed", CSV, "journey_id,timestamp,touchpoint\n");
        assertThat(regex.status()).isEqualTo(400);
        assertThat(regex.json().get("parameter").asString()).isEqualTo("competitor");
    }

    @Test
    void rejectsAnEmptyUploadAndNonUtf8Text() {
        assertThat(post("/api/events", CSV, "").status()).isEqualTo(400);
        assertThat(post("/api/events", CSV, "journey_id,timestamp,touchpoint\n").status()).isEqualTo(400);

        byte[] latin1 = "journey_id,timestamp,touchpoint\nl1-1,2026-03-01T10:00:00Z,Caf\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Response response = postBytes("/api/events", CSV, latin1);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("UTF-8");
    }

    @Test
    void aCsvOfOnlyAHeaderIsRefusedAtLineOneForHavingNoDataRows() {
        Response response = post("/api/events", CSV, "journey_id,timestamp,touchpoint\n");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("no data rows", "only a header");
        assertThat(onlyError(response)).isEqualTo("1 is the header, and no data row follows it");
    }

    @Test
    void anNdjsonOrXesUploadWithoutEventsIsRefusedAtLineOneSayingWhatItLacks() {
        Response ndjson = post("/api/events", NDJSON, "\n\n");
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(400);
        assertThat(onlyError(ndjson)).isEqualTo("1 has no JSON object (NDJSON wants one per line)");

        Response xes = post("/api/events", "application/xes+xml", "<log xes.version=\"1.0\">\n<trace/>\n</log>\n");
        assertThat(xes.status()).as(xes.body()).isEqualTo(400);
        assertThat(onlyError(xes)).isEqualTo("1 is an XES log without events (<event> in a <trace>)");
    }

    @Test
    void purchaseValuesThatAddUpBeyondTheLargestNumberAreARowErrorNamingLineAndField() {
        Response byJourney = post("/api/events", CSV, """
                journey_id,timestamp,touchpoint,type,value
                huge-1,2026-03-01T10:00:00Z,Pay,purchase,1e308
                huge-1,2026-03-01T10:01:00Z,Pay again,purchase,1e308
                """);

        assertThat(byJourney.status()).as(byJourney.body()).isEqualTo(400);
        assertThat(byJourney.errorLines()).containsExactly("3 value makes the value of journey 'huge-1', with the "
                + "rows before, larger than the largest number stored (1.7976931348623157E308)");
        assertThat(get("/api/journeys/huge-1").status()).isEqualTo(404);

        JsonNode skipped = importCsv("?onError=skip", """
                customer_id,timestamp,touchpoint,type,value
                huge-c,2026-03-01T10:00:00Z,Pay,purchase,1e308
                huge-c,2026-03-01T10:01:00Z,Browse,,1e308
                huge-c,2026-03-01T10:02:00Z,Pay again,purchase,1e308
                """);
        assertThat(skipped.get("errors").get(0).get("line").asLong()).isEqualTo(4);
        assertThat(skipped.get("errors").get(0).get("field").asString()).isEqualTo("value");
        assertThat(skipped.get("errors").get(0).get("reason").asString()).startsWith("makes the value of the purchases "
                + "of customer 'huge-c', with the rows before");
        assertThat(get("/api/journeys/huge-c@2026-03-01T10:00:00Z").json().get("value").asDouble()).isEqualTo(1e308);
    }

    @Test
    void purchaseValuesThatAddUpBeyondTheLargestNumberWithAStoredJourneysAreARowErrorNamingLineAndField() {
        String stored = """
                journey_id,timestamp,touchpoint,type,value
                huge-s,2026-03-01T10:00:00Z,Pay,purchase,1e308
                """;
        importCsv("", stored);
        JsonNode again = importCsv("", stored);
        assertThat(again.get("duplicateEvents").asLong()).as("a plain re-import").isEqualTo(1);

        String before = storeState();
        Response refused = post("/api/events", CSV, """
                journey_id,timestamp,touchpoint,type,value
                huge-s,2026-03-01T10:01:00Z,Browse,,
                huge-s,2026-03-01T10:02:00Z,Pay again,purchase,1e308
                """);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorLines()).containsExactly("3 value makes the value of journey 'huge-s', with its "
                + "stored value and the rows before, larger than the largest number stored (1.7976931348623157E308)");
        assertThat(storeState()).isEqualTo(before);

        JsonNode skipped = importCsv("?onError=skip", """
                customer_id,timestamp,touchpoint,type,value
                huge-sc,2026-03-01T10:00:00Z,Pay,purchase,1e308
                """);
        assertThat(skipped.get("errors")).isEmpty();
        skipped = importCsv("?onError=skip", """
                customer_id,timestamp,touchpoint,type,value
                huge-sc,2026-03-01T10:01:00Z,Browse,,
                huge-sc,2026-03-01T10:02:00Z,Pay more,purchase,1e308
                """);
        assertThat(skipped.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(skipped.get("errors").get(0).get("field").asString()).isEqualTo("value");
        assertThat(skipped.get("errors").get(0).get("reason").asString()).startsWith("makes the value of the "
                + "purchases of customer 'huge-sc', with its stored value and the rows before");
        JsonNode journey = get("/api/journeys/huge-sc@2026-03-01T10:00:00Z").json();
        assertThat(journey.get("value").asDouble()).isEqualTo(1e308);
        assertThat(journey.get("steps")).hasSize(2);
        assertThat(get("/api/touchpoints/Pay%20more/neighbourhood").status()).as("no touchpoint of the row alone")
                .isEqualTo(404);
    }

    @Test
    void theSameEventTwiceInOneUploadCountsOnceTowardTheLargestNumber() {
        JsonNode report = importCsv("", """
                journey_id,timestamp,touchpoint,type,value,event_id
                huge-d,2026-03-01T10:00:00Z,Pay,purchase,1e308,
                huge-d,2026-03-01T10:00:00Z,Pay,purchase,1e308,
                huge-e,2026-03-01T10:01:00Z,Pay again,purchase,1e308,e-1
                huge-e,2026-03-01T10:01:00Z,Pay again,purchase,1e308,e-1
                """);

        assertThat(report.get("duplicateEvents").asLong()).isEqualTo(2);
        assertThat(get("/api/journeys/huge-d").json().get("value").asDouble()).isEqualTo(1e308);
        assertThat(get("/api/journeys/huge-e").json().get("value").asDouble()).isEqualTo(1e308);
    }

    @Test
    void theRefusalOfAThousandRowsOrMoreGroupsTheirCountInThousands() {
        StringBuilder body = new StringBuilder("journey_id,timestamp,touchpoint\n");
        for (int i = 0; i < 1_000; i++) {
            body.append("many-1,2026-03-01T10:00:00Z,\n");
        }

        Response refused = post("/api/events", CSV, body.toString());

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).isEqualTo("1,000 rows are invalid; nothing was "
                + "imported (use onError=skip to import the valid rows)");
    }

    @Test
    void acceptsAByteOrderMarkAndQuotedNewlines() {
        importCsv("", "\uFEFFjourney_id,timestamp,touchpoint\nbom-1,2026-03-01T10:00:00Z,\"Home\npage\"\r\n");
        assertThat(steps("bom-1")).containsExactly("Home\npage");
    }

    /** The problem's one error, as "line reason" (an error about the whole row has no field). */
    private static String onlyError(Response response) {
        JsonNode errors = response.json().get("errors");
        assertThat(errors).hasSize(1);
        return errors.get(0).get("line").asLong() + " " + errors.get(0).get("reason").asString();
    }
}
