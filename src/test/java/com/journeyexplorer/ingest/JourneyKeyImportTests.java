package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Web exports over HTTP, against the embedded Neo4j: a journey keyed by several columns ({@code journeyColumn}, GA4's
 * {@code user_pseudo_id} and {@code ga_session_id}) for events, answers and the preview, and the events of one time
 * ordered by a column or several ({@code orderColumn}, GA4's {@code batch_event_index}, after its
 * {@code batch_ordering_id}). Each test has ids of its own.
 */
@TestPropertySource(properties = "journeys.open-horizon=0s")
class JourneyKeyImportTests extends ApiTestSupport {

    private static final String CSV = "text/csv";
    private static final String GA4 = "timestampColumn=event_timestamp&touchpointColumn=page_location";

    /** Two users whose sessions started in the same second: GA4 gives both the same ga_session_id. */
    private static final String SAME_SECOND = """
            user_pseudo_id,ga_session_id,event_timestamp,page_location
            111.1700000001,1700000001,1700000001000000,/home
            222.1700000001,1700000001,1700000001000000,/sale
            111.1700000001,1700000001,1700000005000000,/cart
            222.1700000001,1700000001,1700000009000000,/home
            """;

    @Test
    void twoUsersWithTheSameSessionIdInOneSecondStayTwoJourneysKeyedByBothColumns() {
        JsonNode keyed = importCsv("?" + GA4 + "&journeyColumn=user_pseudo_id,ga_session_id", SAME_SECOND);

        assertThat(keyed.get("journeysCreated").asLong()).as(keyed.toString()).isEqualTo(2);
        assertThat(touchpoints("111.1700000001|1700000001")).containsExactly("/home", "/cart");
        assertThat(touchpoints("222.1700000001|1700000001")).containsExactly("/sale", "/home");

        JsonNode repeated = importCsv("?" + GA4 + "&journeyColumn=user_pseudo_id&journeyColumn=ga_session_id",
                SAME_SECOND);
        assertThat(repeated.get("eventsImported").asLong()).as("the parameter repeated names the same key: %s",
                repeated).isZero();
        assertThat(repeated.get("journeysCreated").asLong()).isZero();

        JsonNode bySession = importCsv("?" + GA4 + "&journeyColumn=ga_session_id", SAME_SECOND);
        assertThat(bySession.get("journeysCreated").asLong()).as("keyed by the session id alone, the two users' "
                + "sessions are one journey: %s", bySession).isEqualTo(1);
        assertThat(touchpoints("1700000001")).containsExactly("/home", "/sale", "/cart", "/home");
    }

    @Test
    void anImportJobKeysAndOrdersAsTheSynchronousImport() throws InterruptedException {
        String csv = """
                user_pseudo_id,ga_session_id,event_timestamp,page_location,index
                111.1700000021,1700000021,1700000021000000,/cart,1
                222.1700000021,1700000021,1700000021000000,/sale,0
                111.1700000021,1700000021,1700000021000000,/home,0
                """;
        Response accepted = send(HttpRequest.newBuilder(uri("/api/events?" + GA4
                        + "&journeyColumn=user_pseudo_id,ga_session_id&orderColumn=index"))
                .header("Content-Type", CSV).header("X-API-Key", API_KEY).header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        JsonNode job = accepted.json();
        // At most a minute: a bound for a hung job, not a timing assertion.
        for (int i = 0; i < 1200 && !List.of("done", "failed").contains(job.get("status").asString()); i++) {
            Thread.sleep(50);
            job = get("/api/imports/" + accepted.json().get("id").asString()).json();
        }

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("report").get("journeysCreated").asLong()).isEqualTo(2);
        assertThat(touchpoints("111.1700000021|1700000021")).containsExactly("/home", "/cart");
        assertThat(touchpoints("222.1700000021|1700000021")).containsExactly("/sale");
    }

    @Test
    void valuesWithTheSeparatorOrItsEscapeGiveDifferentIdsForDifferentTuples() {
        JsonNode report = importCsv("?journeyColumn=a,b", """
                a,b,timestamp,touchpoint
                kq|c,1,2026-03-01T10:00:00Z,Home
                kq,c|1,2026-03-01T10:00:00Z,Home
                kq\\,c,2026-03-01T10:00:00Z,Home
                kq,\\c,2026-03-01T10:00:00Z,Home
                """);

        assertThat(report.get("journeysCreated").asLong()).as(report.toString()).isEqualTo(4);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (j:Journey) WHERE j.id STARTS WITH 'kq' RETURN j.id AS id ORDER BY id")
                    .list(row -> row.get("id").asString()))
                    .containsExactly("kq\\\\|c", "kq\\|c|1", "kq|\\\\c", "kq|c\\|1");
        }
    }

    @Test
    void aKeyColumnTheHeaderLacksIsA400NamingTheParameter() {
        String before = storeState();

        Response csv = post("/api/events?" + GA4 + "&journeyColumn=user_pseudo_id,ga_sesion_id", CSV, SAME_SECOND);
        Response ndjson = post("/api/events?journeyColumn=user,session", "application/x-ndjson", """
                {"user":"u1","timestamp":"2026-03-01T10:00:00Z","touchpoint":"Home"}
                """);

        assertThat(csv.status()).as(csv.body()).isEqualTo(400);
        assertThat(csv.contentType()).startsWith("application/problem+json");
        assertThat(csv.json().get("parameter").asString()).isEqualTo("journeyColumn");
        assertThat(csv.json().get("detail").asString()).contains("journeyColumn=ga_sesion_id");
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(400);
        assertThat(ndjson.json().get("parameter").asString()).isEqualTo("journeyColumn");
        assertThat(ndjson.json().get("detail").asString()).contains("journeyColumn=session")
                .doesNotContain("journeyColumn=user,");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void aRowMissingAValueOfTheKeyIsARowErrorNamingItsColumnAndLine() {
        String before = storeState();

        Response response = post("/api/events?" + GA4 + "&journeyColumn=user_pseudo_id,ga_session_id", CSV, """
                user_pseudo_id,ga_session_id,event_timestamp,page_location
                333.1700000002,1700000002,1700000002000000,/home
                333.1700000002,,1700000003000000,/cart
                ,,1700000004000000,/pay
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("ga_session_id");
        assertThat(errors.get(0).get("reason").asString()).startsWith("is missing, while user_pseudo_id has a value");
        assertThat(errors.get(1).get("line").asLong()).isEqualTo(4);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("user_pseudo_id,ga_session_id");
        assertThat(errors.get(1).get("reason").asString()).startsWith("is missing, and so is customer_id");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void answersJoinTheJourneysKeyedByTheSameColumns() {
        importCsv("?" + GA4 + "&journeyColumn=user_pseudo_id,ga_session_id", SAME_SECOND.replace("1700000001,",
                "1700000011,").replace(".1700000001", ".1700000011"));

        Response answered = post("/api/feedback?scale=csat&journeyColumn=user_pseudo_id,ga_session_id", CSV, """
                user_pseudo_id,ga_session_id,score
                111.1700000011,1700000011,5
                222.1700000011,1700000011,2
                """);

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("matched").asLong()).as(answered.body()).isEqualTo(2);
        try (var session = driver.session()) {
            assertThat(session.run("""
                    MATCH (j:Journey)-[a:ANSWERED]->() WHERE j.id ENDS WITH '|1700000011'
                    RETURN j.id + ' ' + toString(a.score) AS answer ORDER BY answer""")
                    .list(row -> row.get("answer").asString()))
                    .containsExactly("111.1700000011|1700000011 5.0", "222.1700000011|1700000011 2.0");
        }
        Response partial = post("/api/feedback?scale=csat&journeyColumn=user_pseudo_id,ga_session_id", CSV, """
                user_pseudo_id,ga_session_id,score
                111.1700000011,,4
                """);
        assertThat(partial.status()).as(partial.body()).isEqualTo(400);
        assertThat(partial.json().get("errors").get(0).get("field").asString()).isEqualTo("ga_session_id");
        Response misnamed = post("/api/feedback?scale=csat&journeyColumn=user_pseudo_id,session", CSV, """
                user_pseudo_id,ga_session_id,score
                111.1700000011,1700000011,4
                """);
        assertThat(misnamed.status()).as(misnamed.body()).isEqualTo(400);
        assertThat(misnamed.json().get("parameter").asString()).isEqualTo("journeyColumn");
    }

    @Test
    void thePreviewNamesRowsByTheKeyAndEchoesIt() {
        JsonNode preview = post("/api/events/preview?" + GA4 + "&journeyColumn=user_pseudo_id,ga_session_id", CSV,
                SAME_SECOND).json();

        assertThat(preview.get("rows").get(0).get("journey").asString()).as(preview.toString())
                .isEqualTo("111.1700000001|1700000001");
        assertThat(preview.get("parameters").get("journeyColumn").asString())
                .isEqualTo("user_pseudo_id,ga_session_id");
        assertThat(preview.get("attributes").valueStream().map(JsonNode::asString).toList())
                .as("the key's columns are read, not kept as attributes")
                .doesNotContain("user_pseudo_id", "ga_session_id");
    }

    /**
     * A GA4 header previewed without journeyColumn: both columns are suggested as the key and batch_event_index as the
     * order, and the rows previewed are in the two users' journeys, as the parameters suggested import them.
     */
    @Test
    void thePreviewSuggestsGa4sKeyAndOrderForItsHeader() {
        JsonNode preview = post("/api/events/preview?" + GA4, CSV, """
                user_pseudo_id,ga_session_id,event_timestamp,page_location,batch_event_index
                111.1700000031,1700000031,1700000031000000,/home,0
                222.1700000031,1700000031,1700000031000000,/sale,0
                """).json();

        assertThat(preview.get("mapping").get("journey").asString()).as(preview.toString())
                .isEqualTo("user_pseudo_id,ga_session_id");
        assertThat(preview.get("mapping").get("order").asString()).isEqualTo("batch_event_index");
        assertThat(preview.get("suggestedBy").get("journey").asString()).isEqualTo("ga4");
        assertThat(preview.get("suggestedBy").get("order").asString()).isEqualTo("ga4");
        assertThat(preview.get("parameters").get("orderColumn").asString()).isEqualTo("batch_event_index");
        assertThat(preview.get("journeys").asLong()).isEqualTo(2);
        assertThat(preview.get("rows").get(1).get("journey").asString()).isEqualTo("222.1700000031|1700000031");

        JsonNode none = post("/api/events/preview?" + GA4 + "&journeyColumn=user_pseudo_id", CSV, SAME_SECOND).json();
        assertThat(none.get("mapping").get("journey").asString()).isEqualTo("user_pseudo_id");
        assertThat(none.get("mapping").has("order")).as("no batch_event_index, no order column").isFalse();
    }

    /** Five events, four of them in one second in the reverse of their batch order, one of them without an index. */
    private static final String BATCH = """
            journey_id,timestamp,touchpoint,batch_event_index
            %1$s,2026-03-01T10:00:00Z,Home,0
            %1$s,2026-03-01T10:00:05Z,Thanks,
            %1$s,2026-03-01T10:00:05Z,Pay,10
            %1$s,2026-03-01T10:00:05Z,Shipping,9
            %1$s,2026-03-01T10:00:05Z,Cart,2
            """;

    @Test
    void eventsOfTheSameTimeComeInTheOrderColumnsOrderAndTheSameFileAgainAddsNothing() {
        String csv = BATCH.formatted("ord-1");

        JsonNode first = importCsv("?orderColumn=batch_event_index", csv);

        assertThat(first.get("eventsImported").asLong()).as(first.toString()).isEqualTo(5);
        assertThat(touchpoints("ord-1")).as("numbers as numbers (2, 9, 10), then the event without a value")
                .containsExactly("Home", "Cart", "Shipping", "Pay", "Thanks");
        for (String query : List.of("?orderColumn=batch_event_index", "")) {
            JsonNode again = importCsv(query, csv);
            assertThat(again.get("eventsImported").asLong()).as(query + ": " + again).isZero();
            assertThat(again.get("duplicateEvents").asLong()).isEqualTo(5);
            assertThat(again.get("journeysUpdated").asLong()).isZero();
            assertThat(touchpoints("ord-1")).containsExactly("Home", "Cart", "Shipping", "Pay", "Thanks");
        }
    }

    @Test
    void aFileImportedWithoutTheOrderColumnIsReorderedByItAndAddsNothing() {
        String csv = BATCH.formatted("ord-2");
        importCsv("", csv);
        assertThat(touchpoints("ord-2")).as("file order").containsExactly("Home", "Thanks", "Pay", "Shipping", "Cart");

        JsonNode again = importCsv("?orderColumn=batch_event_index", csv);

        assertThat(again.get("eventsImported").asLong()).as(again.toString()).isZero();
        assertThat(again.get("duplicateEvents").asLong()).isEqualTo(5);
        assertThat(touchpoints("ord-2")).containsExactly("Home", "Cart", "Shipping", "Pay", "Thanks");
        assertThat(get("/api/journeys/ord-2").json().get("steps").get(1).get("attributes").get("batch_event_index")
                .asString()).as("the column stays an event attribute").isEqualTo("2");
    }

    @Test
    void storedEventsWithoutTheColumnStillStandForTheUploadsEventsOfTheirTimeAndTouchpoint() {
        String withIndex = BATCH.formatted("ord-4");
        importCsv("", withIndex.lines().map(line -> line.substring(0, line.lastIndexOf(',')))
                .reduce("", (csv, line) -> csv + line + "\n"));

        JsonNode again = importCsv("?orderColumn=batch_event_index", withIndex);

        assertThat(again.get("eventsImported").asLong()).as("a stored event without a value sorts after the "
                + "upload's of its time, and still stands for one: %s", again).isZero();
        assertThat(again.get("duplicateEvents").asLong()).isEqualTo(5);
    }

    @Test
    void anOrderColumnTheHeaderLacksOrThatAFieldReadsIsA400NamingIt() {
        String before = storeState();

        Response missing = post("/api/events?orderColumn=batch_event_idx", CSV, BATCH.formatted("ord-3"));
        Response mapped = post("/api/events?orderColumn=timestamp", CSV, BATCH.formatted("ord-3"));

        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.json().get("parameter").asString()).isEqualTo("orderColumn");
        assertThat(missing.json().get("detail").asString()).contains("orderColumn=batch_event_idx");
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(400);
        assertThat(mapped.json().get("parameter").asString()).isEqualTo("orderColumn");
        assertThat(storeState()).isEqualTo(before);
    }

    /**
     * Four events of one time from two batches, in the reverse of their order: GA4 orders them by batch, then by the
     * event's place in its batch. By batch_event_index alone, index 0 of batch 2 would come before index 3 of batch 1.
     */
    private static final String BATCHES = """
            journey_id,timestamp,touchpoint,batch_ordering_id,batch_event_index
            %1$s,2026-03-01T10:00:00Z,Pay,2,1
            %1$s,2026-03-01T10:00:00Z,Cart,2,0
            %1$s,2026-03-01T10:00:00Z,Product,1,3
            %1$s,2026-03-01T10:00:00Z,Home,1,0
            """;

    @Test
    void eventsOfOneTimeComeInBatchThenIndexOrderAndTheSameFileAgainAddsNothing() {
        String csv = BATCHES.formatted("ord-5");

        JsonNode first = importCsv("?orderColumn=batch_ordering_id,batch_event_index", csv);

        assertThat(first.get("eventsImported").asLong()).as(first.toString()).isEqualTo(4);
        assertThat(touchpoints("ord-5")).as("batch 1 (index 0, 3), then batch 2 (index 0, 1)")
                .containsExactly("Home", "Product", "Cart", "Pay");
        for (String query : List.of("?orderColumn=batch_ordering_id&orderColumn=batch_event_index",
                "?orderColumn=%22batch_ordering_id%22,batch_event_index", "")) {
            JsonNode again = importCsv(query, csv);
            assertThat(again.get("eventsImported").asLong()).as(query + ": " + again).isZero();
            assertThat(again.get("duplicateEvents").asLong()).isEqualTo(4);
            assertThat(again.get("journeysUpdated").asLong()).isZero();
            assertThat(touchpoints("ord-5")).containsExactly("Home", "Product", "Cart", "Pay");
        }
        JsonNode step = get("/api/journeys/ord-5").json().get("steps").get(1).get("attributes");
        assertThat(step.get("batch_ordering_id").asString()).as("both columns stay event attributes: %s", step)
                .isEqualTo("1");
        assertThat(step.get("batch_event_index").asString()).isEqualTo("3");
    }

    /**
     * A later upload's events of the same time fall in among the stored ones by the stored events' values of both
     * columns, which they keep as attributes, even where the first upload had one batch only (a journey attribute).
     */
    @Test
    void aLaterUploadExtendsTheJourneyInBatchThenIndexOrder() {
        String header = "journey_id,timestamp,touchpoint,batch_ordering_id,batch_event_index\n";
        importCsv("?orderColumn=batch_ordering_id,batch_event_index", header
                + "ord-6,2026-03-01T10:00:00Z,Cart,2,0\n"
                + "ord-6,2026-03-01T10:00:00Z,Home,1,0\n");
        importCsv("?orderColumn=batch_ordering_id,batch_event_index", header
                + "ord-7,2026-03-01T10:00:00Z,Pay,2,1\n"
                + "ord-7,2026-03-01T10:00:00Z,Cart,2,0\n");

        JsonNode extended = importCsv("?orderColumn=batch_ordering_id,batch_event_index", header
                + "ord-6,2026-03-01T10:00:00Z,Pay,2,1\n"
                + "ord-6,2026-03-01T10:00:00Z,Product,1,3\n"
                + "ord-7,2026-03-01T10:00:00Z,Product,1,3\n"
                + "ord-7,2026-03-01T10:00:00Z,Home,1,0\n");

        assertThat(extended.get("eventsImported").asLong()).as(extended.toString()).isEqualTo(4);
        assertThat(extended.get("journeysUpdated").asLong()).isEqualTo(2);
        assertThat(touchpoints("ord-6")).containsExactly("Home", "Product", "Cart", "Pay");
        assertThat(touchpoints("ord-7")).as("the stored events of one batch, a journey attribute, still ordered")
                .containsExactly("Home", "Product", "Cart", "Pay");
        JsonNode again = importCsv("?orderColumn=batch_ordering_id,batch_event_index", BATCHES.formatted("ord-6"));
        assertThat(again.get("eventsImported").asLong()).as(again.toString()).isZero();
        assertThat(touchpoints("ord-6")).containsExactly("Home", "Product", "Cart", "Pay");
    }

    @Test
    void anImportJobOrdersBySeveralColumnsAsTheSynchronousImport() throws InterruptedException {
        Response accepted = send(HttpRequest.newBuilder(uri("/api/events?orderColumn=batch_ordering_id"
                        + "&orderColumn=batch_event_index"))
                .header("Content-Type", CSV).header("X-API-Key", API_KEY).header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(BATCHES.formatted("ord-8"))).build());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        JsonNode job = accepted.json();
        // At most a minute: a bound for a hung job, not a timing assertion.
        for (int i = 0; i < 1200 && !List.of("done", "failed").contains(job.get("status").asString()); i++) {
            Thread.sleep(50);
            job = get("/api/imports/" + accepted.json().get("id").asString()).json();
        }

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(touchpoints("ord-8")).containsExactly("Home", "Product", "Cart", "Pay");
    }

    @Test
    void anOrderColumnOfSeveralTheHeaderLacksOrThatAFieldReadsIsA400NamingIt() {
        String before = storeState();
        String csv = BATCHES.formatted("ord-9");

        Response missing = post("/api/events?orderColumn=batch_ordering_id,batch_idx", CSV, csv);
        Response repeated = post("/api/events?orderColumn=batch_ordering_id&orderColumn=batch_idx", CSV, csv);
        Response mapped = post("/api/events?orderColumn=batch_ordering_id,touchpoint", CSV, csv);
        Response unclosed = post("/api/events?orderColumn=batch_ordering_id,%22batch_event_index", CSV, csv);
        Response preview = post("/api/events/preview?orderColumn=batch_ordering_id,touchpoint", CSV, csv);

        for (Response response : List.of(missing, repeated, mapped, unclosed, preview)) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("parameter").asString()).as(response.body()).isEqualTo("orderColumn");
        }
        assertThat(missing.json().get("detail").asString()).contains("orderColumn=batch_idx");
        assertThat(repeated.json().get("detail").asString()).contains("orderColumn=batch_idx");
        for (Response response : List.of(mapped, preview)) {
            assertThat(response.json().get("detail").asString())
                    .contains("'touchpoint' is the column touchpointColumn reads");
            assertThat(response.json().get("column").asString()).as("the column at fault, for a form to say it "
                    + "beside that column").isEqualTo("touchpoint");
        }
        assertThat(storeState()).isEqualTo(before);
    }

    /**
     * A GA4 header with both batch_ordering_id and batch_event_index: both are suggested, batch first, and the rows
     * previewed are read with them.
     */
    @Test
    void thePreviewSuggestsGa4sBatchThenIndexAsTheOrder() {
        JsonNode preview = post("/api/events/preview?" + GA4, CSV, """
                user_pseudo_id,ga_session_id,event_timestamp,page_location,batch_event_index,batch_ordering_id
                111.1700000041,1700000041,1700000041000000,/cart,0,2
                111.1700000041,1700000041,1700000041000000,/home,3,1
                """).json();

        assertThat(preview.get("mapping").get("order").asString()).as(preview.toString())
                .isEqualTo("batch_ordering_id,batch_event_index");
        assertThat(preview.get("suggestedBy").get("order").asString()).isEqualTo("ga4");
        assertThat(preview.get("parameters").get("orderColumn").asString())
                .isEqualTo("batch_ordering_id,batch_event_index");
        assertThat(preview.get("attributes").valueStream().map(JsonNode::asString).toList())
                .as("the order columns stay attributes").contains("batch_ordering_id", "batch_event_index");
        assertThat(preview.get("validRows").asLong()).isEqualTo(2);

        JsonNode given = post("/api/events/preview?" + GA4 + "&orderColumn=batch_event_index", CSV, """
                user_pseudo_id,ga_session_id,event_timestamp,page_location,batch_event_index,batch_ordering_id
                111.1700000041,1700000041,1700000041000000,/cart,0,2
                """).json();
        assertThat(given.get("mapping").get("order").asString()).as(given.toString()).isEqualTo("batch_event_index");
        assertThat(given.get("suggestedBy").get("order").asString()).isEqualTo("parameter");
    }

    /**
     * {@code orderColumn} given empty is no order column, as the import reads it: the preview of a GA4 header with both
     * batch columns suggests none either, and the import with the same parameters keeps the events of one time in file
     * order, not in batch order.
     */
    @Test
    void thePreviewOfAnEmptyOrderColumnSuggestsNoneAsTheImportKeepsFileOrder() {
        String csv = """
                user_pseudo_id,ga_session_id,event_timestamp,page_location,batch_ordering_id,batch_event_index
                111.1700000042,1700000042,1700000042000000,/cart,2,0
                111.1700000042,1700000042,1700000042000000,/product,1,3
                111.1700000042,1700000042,1700000042000000,/home,1,0
                """;
        String query = "?" + GA4 + "&journeyColumn=user_pseudo_id,ga_session_id&orderColumn=";

        JsonNode preview = post("/api/events/preview" + query, CSV, csv).json();

        assertThat(preview.get("mapping").has("order")).as(preview.toString()).isFalse();
        assertThat(preview.get("suggestedBy").has("order")).isFalse();
        assertThat(preview.get("parameters").has("orderColumn")).isFalse();
        assertThat(preview.get("attributes").valueStream().map(JsonNode::asString).toList())
                .contains("batch_ordering_id", "batch_event_index");
        assertThat(preview.get("validRows").asLong()).isEqualTo(3);

        JsonNode report = importCsv(query, csv);
        assertThat(report.get("eventsImported").asLong()).as(report.toString()).isEqualTo(3);
        assertThat(touchpoints("111.1700000042|1700000042")).as("file order, as previewed")
                .containsExactly("/cart", "/product", "/home");
    }

    private List<String> touchpoints(String journeyId) {
        Response journey = get("/api/journeys/" + URLEncoder.encode(journeyId, StandardCharsets.UTF_8));
        assertThat(journey.status()).as(journey.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        journey.json().get("steps").forEach(step -> names.add(step.get("touchpoint").asString()));
        return names;
    }
}
