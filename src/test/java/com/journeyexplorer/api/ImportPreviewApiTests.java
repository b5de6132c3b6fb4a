package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.TestData;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/events/preview} over HTTP on the embedded Neo4j: the format, columns and suggested mapping of an
 * upload, its first rows read or rejected exactly as {@code POST /api/events} would, the same 400 problems for bad
 * parameters, and nothing written.
 */
class ImportPreviewApiTests extends ApiTestSupport {

    static final String RUNNING_EXAMPLE = "pm4py-running-example/running-example.csv";

    @Test
    void suggestsTheRunningExamplesXesColumnsAndReadsItsFirstRowsWithoutWriting() {
        String before = storeState();
        Response response = postFile("/api/events/preview", "text/csv", TestData.file(RUNNING_EXAMPLE));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode preview = response.json();
        assertThat(preview.get("format").asString()).isEqualTo("csv");
        assertThat(texts(preview.get("columns"))).containsExactly("", "concept:name", "org:resource",
                "time:timestamp", "Activity", "Resource", "Costs", "case:concept:name", "case:creator");
        assertThat(preview.get("mapping").get("journey").asString()).isEqualTo("case:concept:name");
        assertThat(preview.get("mapping").get("timestamp").asString()).isEqualTo("time:timestamp");
        assertThat(preview.get("mapping").get("touchpoint").asString()).isEqualTo("concept:name");
        assertThat(preview.get("mapping").has("customer")).as("no customer column").isFalse();
        assertThat(preview.get("suggestedBy").get("journey").asString()).isEqualTo("alias");
        assertThat(preview.get("parameters").properties()).hasSize(3);
        assertThat(preview.get("parameters").get("touchpointColumn").asString()).isEqualTo("concept:name");
        assertThat(texts(preview.get("attributes"))).containsExactly("org:resource", "Activity", "Resource", "Costs",
                "case:creator");
        assertThat(preview.get("rows")).hasSize(20);
        assertThat(preview.get("rowsRead").asLong()).isEqualTo(20);
        assertThat(preview.get("validRows").asLong()).isEqualTo(20);
        assertThat(preview.get("truncated").asBoolean()).isTrue();
        JsonNode first = preview.get("rows").get(0);
        assertThat(first.get("line").asLong()).isEqualTo(2);
        assertThat(first.get("journey").asString()).isEqualTo("3");
        assertThat(first.get("touchpoint").asString()).isEqualTo("register request");
        assertThat(first.get("timestamp").asString()).isEqualTo("2010-12-30T13:32:00Z");
        assertThat(first.get("type").asString()).isEqualTo("touchpoint");
        assertThat(first.get("owner").asString()).isEqualTo("own");
        assertThat(first.has("customer")).as("absent, not null").isFalse();
        assertThat(first.get("errors")).isEmpty();
        assertThat(storeState()).as("a preview writes nothing").isEqualTo(before);
    }

    @Test
    void importingWithTheSuggestedParametersReadsWhatThePreviewShowed() {
        JsonNode preview = postFile("/api/events/preview?purchase=pay compensation&rows=1000", "text/csv",
                TestData.file(RUNNING_EXAMPLE)).json();
        assertThat(preview.get("rows")).hasSize(42);
        assertThat(preview.get("truncated").asBoolean()).isFalse();
        assertThat(preview.get("journeys").asLong()).isEqualTo(6);
        List<JsonNode> purchases = new ArrayList<>();
        preview.get("rows").forEach(row -> {
            if (row.get("type").asString().equals("purchase")) {
                purchases.add(row);
            }
        });
        assertThat(purchases).hasSize(3)
                .allSatisfy(row -> assertThat(row.get("touchpoint").asString()).isEqualTo("pay compensation"));
        assertThat(preview.get("outcomeRules").get(0).get("matchedEvents").asLong()).isEqualTo(3);

        StringBuilder query = new StringBuilder("/api/events?purchase=pay compensation&openHorizon=0");
        preview.get("parameters").properties().forEach(p -> query.append('&').append(p.getKey()).append('=')
                .append(p.getValue().asString()));
        Response imported = postFile(query.toString(), "text/csv", TestData.file(RUNNING_EXAMPLE));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("eventsImported").asLong()).isEqualTo(42);
        assertThat(imported.json().get("journeysCreated").asLong()).isEqualTo(preview.get("journeys").asLong());
    }

    @Test
    void aCustomersEventsAreSplitIntoTheSessionsTheImportWouldCreate() {
        String csv = """
                customer_id,timestamp,touchpoint
                sc1,2025-06-01T10:00:00Z,Home
                sc1,2025-06-01T10:45:00Z,Cart
                sc2,2025-06-01T09:00:00Z,Home
                sc2,2025-06-01T09:20:00Z,Search
                sc3,2025-06-01T12:00:00Z,Home
                sc3,2025-06-01T15:00:00Z,Checkout
                """;
        JsonNode split = post("/api/events/preview?sessionize=customer&sessionGap=30m", "text/csv", csv).json();
        assertThat(split.get("journeys").asLong()).isEqualTo(5);
        assertThat(split.get("rows")).extracting(row -> row.get("journey").asString()).containsExactly(
                "sc1@2025-06-01T10:00:00Z", "sc1@2025-06-01T10:45:00Z", "sc2@2025-06-01T09:00:00Z",
                "sc2@2025-06-01T09:00:00Z", "sc3@2025-06-01T12:00:00Z", "sc3@2025-06-01T15:00:00Z");
        assertThat(post("/api/events/preview?sessionize=customer&sessionGap=2h", "text/csv", csv).json()
                .get("journeys").asLong()).isEqualTo(4);
        assertThat(post("/api/events/preview?sessionGap=1h", "text/csv", csv).json().get("journeys").asLong())
                .as("without a journey column, customers are split too").isEqualTo(4);
        assertThat(post("/api/events/preview?sessionize=customer&sessionGap=30m&rows=2", "text/csv", csv).json()
                .get("journeys").asLong()).as("the sessions of the rows read").isEqualTo(2);

        Response imported = post("/api/events?sessionize=customer&sessionGap=30m", "text/csv", csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("journeysCreated").asLong()).isEqualTo(split.get("journeys").asLong());
        Response undo = send(HttpRequest.newBuilder(uri("/api/imports/" + imported.json().get("importId").asString()))
                .DELETE().header("X-API-Key", API_KEY).build());
        assertThat(undo.status()).as("the other tests see an empty store").isEqualTo(200);
    }

    @Test
    void aBadRowHasTheErrorsTheImportRejectsItWith() {
        String csv = "journey_id,timestamp,touchpoint,type\nj1,2026-03-01T10:00:00Z,Home,\nj1,yesterday,Cart,buy\n"
                + "j2,2026-03-01 11:00:00,Home,purchase\n";
        Response preview = post("/api/events/preview", "text/csv", csv);
        Response rejected = post("/api/events", "text/csv", csv);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(rejected.status()).isEqualTo(400);
        JsonNode rows = preview.json().get("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("errors")).isEmpty();
        assertThat(rows.get(1).get("line").asLong()).isEqualTo(3);
        assertThat(rows.get(1).has("touchpoint")).as("a rejected row has errors, not values").isFalse();
        assertThat(rows.get(1).get("errors")).isEqualTo(rejected.json().get("errors"));
        assertThat(rows.get(1).get("errors")).hasSize(2);
        assertThat(rows.get(2).get("type").asString()).isEqualTo("purchase");
        assertThat(rows.get(2).get("timestamp").asString()).isEqualTo("2026-03-01T11:00:00Z");
        assertThat(preview.json().get("validRows").asLong()).isEqualTo(2);
        assertThat(get("/api/stats").json().get("journeys").asLong()).isZero();
    }

    @Test
    void aPurchaseValueItsJourneyCannotAddUpIsTheErrorTheImportRejectsItWithAndTheSameEventTwiceCountsOnce() {
        String csv = """
                journey_id,timestamp,touchpoint,type,value
                big-p,2026-03-01T10:00:00Z,Pay,purchase,1e308
                big-p,2026-03-01T10:00:00Z,Pay,purchase,1e308
                big-p,2026-03-01T10:01:00Z,Pay again,purchase,1e308
                """;
        Response preview = post("/api/events/preview", "text/csv", csv);
        Response rejected = post("/api/events", "text/csv", csv);

        assertThat(rejected.status()).isEqualTo(400);
        JsonNode rows = preview.json().get("rows");
        assertThat(rows.get(1).get("errors")).as("the same event twice").isEmpty();
        assertThat(rows.get(2).get("line").asLong()).isEqualTo(4);
        assertThat(rows.get(2).get("errors")).isEqualTo(rejected.json().get("errors"));
        assertThat(preview.json().get("refusal").get("line").asLong()).isEqualTo(4);
    }

    @Test
    void aBadRowPreviewedSaysOnceThatTheImportWouldRefuseTheWholeUploadFromItsLine() {
        String csv = "journey_id,timestamp,touchpoint\nj1,2026-03-01T10:00:00Z,Home\nj1,soon,Cart\n"
                + "j1,2026-03-01T10:09:00Z,\nj1,2026-03-01T10:12:00Z,Pay\n";
        JsonNode refusal = post("/api/events/preview", "text/csv", csv).json().get("refusal");
        assertThat(post("/api/events", "text/csv", csv).status()).as("the import refuses it").isEqualTo(400);

        assertThat(refusal).as("the import refuses the upload for these rows").isNotNull();
        assertThat(refusal.get("line").asLong()).isEqualTo(3);
        assertThat(refusal.get("invalidRows").asLong()).isEqualTo(2);
        assertThat(refusal.get("message").asString()).isEqualTo("2 of the 4 rows previewed are invalid, the first "
                + "at line 3: the import would refuse the whole upload and import nothing (onError=reject, the "
                + "default); fix the rows, or use onError=skip to import the valid rows");
        assertThat(post("/api/events/preview?onError=skip", "text/csv", csv).json().has("refusal"))
                .as("skip imports the valid rows").isFalse();
        assertThat(post("/api/events/preview?rows=1", "text/csv", csv).json().has("refusal"))
                .as("the one row read is valid").isFalse();
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsGetsTheImportsProblemWithItsColumnsUntilTheParametersNameThem() {
        String csv = "case,time,page\nc1,2026-03-01T10:00:00Z,Home\n";
        Response refused = post("/api/events/preview", "text/csv", csv);
        Response imported = post("/api/events", "text/csv", csv);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(withoutPreview(refused.json())).isEqualTo(withoutInstance(imported.json()));
        JsonNode unmapped = refused.json();
        assertThat(unmapped.get("errors").get(0).get("line").asLong()).isEqualTo(1);
        assertThat(unmapped.get("errors").get(0).get("reason").asString()).contains("the header has no column");
        assertThat(texts(unmapped.get("columns"))).as("a client can still map them").containsExactly("case", "time",
                "page");
        assertThat(unmapped.get("mapping").properties()).isEmpty();
        assertThat(texts(unmapped.get("attributes"))).containsExactly("case", "time", "page");

        JsonNode mapped = post("/api/events/preview?journeyColumn=case&timestampColumn=time&touchpointColumn=page",
                "text/csv", csv).json();
        assertThat(mapped.get("suggestedBy").get("touchpoint").asString()).isEqualTo("parameter");
        assertThat(mapped.get("rows").get(0).get("touchpoint").asString()).isEqualTo("Home");
        assertThat(mapped.get("rows").get(0).get("journey").asString()).isEqualTo("c1");
    }

    @Test
    void aJourneyKeyedByTheTouchpointColumnTooShowsThatColumnAsTheTouchpointInTheMapping() {
        String csv = "journey_id,timestamp,touchpoint\nj1,2026-03-01T10:00:00Z,Home\nj1,2026-03-01T10:01:00Z,Cart\n";

        JsonNode preview = post("/api/events/preview?journeyColumn=journey_id,touchpoint", "text/csv", csv).json();

        assertThat(preview.get("mapping").get("journey").asString()).isEqualTo("journey_id,touchpoint");
        assertThat(preview.get("mapping").get("timestamp").asString()).isEqualTo("timestamp");
        assertThat(preview.get("mapping").get("touchpoint").asString()).as(preview.toString())
                .isEqualTo("touchpoint");
        assertThat(preview.get("suggestedBy").get("touchpoint").asString()).isEqualTo("default");
        assertThat(texts(preview.get("attributes"))).isEmpty();
        assertThat(preview.get("rows").get(1).get("touchpoint").asString()).isEqualTo("Cart");
    }

    @Test
    void aColumnParameterNamingNoColumnGetsTheImportsProblemNamingTheParameter() {
        String csv = "journey_id,timestamp,touchpoint\nj1,2026-03-01T10:00:00Z,Home\n";
        String before = get("/api/stats").body();
        for (String query : List.of("journeyColumn=jid", "timestampColumn=time", "touchpointColumn=Page",
                "customerColumn=cust&channelColumn=chan")) {
            Response preview = post("/api/events/preview?" + query, "text/csv", csv);
            Response imported = post("/api/events?" + query, "text/csv", csv);
            assertThat(imported.status()).as(query).isEqualTo(400);
            assertThat(imported.json().get("type").asString()).endsWith("/invalid-upload");
            assertThat(preview.status()).as(query).isEqualTo(400);
            assertThat(withoutPreview(preview.json())).as(query).isEqualTo(withoutInstance(imported.json()));
            assertThat(texts(preview.json().get("columns"))).containsExactly("journey_id", "timestamp",
                    "touchpoint");
        }
        assertThat(post("/api/events?journeyColumn=jid", "text/csv", csv).json().get("parameter").asString())
                .isEqualTo("journeyColumn");
        assertThat(post("/api/events?customerColumn=cust&channelColumn=chan", "text/csv", csv).json()
                .get("parameter").asString()).isEqualTo("channelColumn,customerColumn");
        assertThat(get("/api/stats").body()).as("nothing written").isEqualTo(before);
    }

    @Test
    void anUploadWithoutRowsGetsTheImportsProblemAtLineOneWithTheColumnsOfItsHeader() {
        String csv = "journey_id,timestamp,touchpoint,page\n";
        Response preview = post("/api/events/preview", "text/csv", csv);
        Response imported = post("/api/events", "text/csv", csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(400);
        assertThat(preview.status()).as(preview.body()).isEqualTo(400);
        assertThat(preview.contentType()).startsWith("application/problem+json");
        assertThat(withoutPreview(preview.json())).isEqualTo(withoutInstance(imported.json()));
        assertThat(preview.json().get("detail").asString()).contains("no data rows", "only a header");
        assertThat(preview.json().get("errors").get(0).get("line").asLong()).isEqualTo(1);
        assertThat(texts(preview.json().get("columns"))).as("a client can still map them")
                .containsExactly("journey_id", "timestamp", "touchpoint", "page");
        assertThat(texts(preview.json().get("attributes"))).containsExactly("page");

        for (String[] empty : List.of(new String[] {"application/x-ndjson", "\n\n"},
                new String[] {"application/xes+xml", "<log xes.version=\"1.0\">\n<trace/>\n</log>\n"})) {
            Response emptyPreview = post("/api/events/preview", empty[0], empty[1]);
            Response emptyImport = post("/api/events", empty[0], empty[1]);
            assertThat(emptyPreview.status()).as(empty[0] + ": " + emptyPreview.body()).isEqualTo(400);
            assertThat(withoutPreview(emptyPreview.json())).as(empty[0])
                    .isEqualTo(withoutInstance(emptyImport.json()));
        }
    }

    @Test
    void anNdjsonKeyNamedByAParameterThatNoObjectHasIsOneProblemNamingTheParameterNotAnErrorPerRow() {
        String ndjson = """
                {"journey_id":"nk1","timestamp":"2026-03-01T10:00:00Z","touchpoint":"Home"}
                {"journey_id":"nk1","timestamp":"2026-03-01T10:05:00Z","touchpoint":"Cart"}
                {"journey_id":"nk1","timestamp":"2026-03-01T10:09:00Z","touchpoint":"Pay"}
                """;
        String before = get("/api/stats").body();
        Response imported = post("/api/events?touchpointColumn=toucpoint", "application/x-ndjson", ndjson);
        assertThat(imported.status()).as(imported.body()).isEqualTo(400);
        assertThat(imported.contentType()).startsWith("application/problem+json");
        assertThat(imported.json().get("parameter").asString()).isEqualTo("touchpointColumn");
        JsonNode error = imported.json().get("errors").get(0);
        assertThat(imported.json().get("errors")).as(imported.body()).hasSize(1);
        assertThat(error.get("line").asLong()).isEqualTo(1);
        assertThat(error.get("field").asString()).isEqualTo("toucpoint");
        assertThat(error.get("reason").asString()).isEqualTo("no object has the key named by "
                + "touchpointColumn=toucpoint (keys of line 1: journey_id, timestamp, touchpoint); names match "
                + "exactly, case included");
        Response preview = post("/api/events/preview?touchpointColumn=toucpoint", "application/x-ndjson", ndjson);
        assertThat(preview.status()).as(preview.body()).isEqualTo(400);
        assertThat(withoutPreview(preview.json())).isEqualTo(withoutInstance(imported.json()));
        assertThat(post("/api/events?channelColumn=chanel", "application/x-ndjson", ndjson).json()
                .get("parameter").asString()).as("an optional field too").isEqualTo("channelColumn");

        Response some = post("/api/events?touchpointColumn=page", "application/x-ndjson", ndjson
                + "{\"journey_id\":\"nk1\",\"timestamp\":\"2026-03-01T10:12:00Z\",\"page\":\"Done\"}\n");
        assertThat(some.status()).isEqualTo(400);
        assertThat(some.json().has("parameter")).as("a key some objects have is right").isFalse();
        assertThat(some.json().get("errors")).extracting(row -> row.get("line").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(get("/api/stats").body()).as("nothing written").isEqualTo(before);
    }

    @Test
    void anXesAttributeNamedByAParameterThatNoEventHasIsOneProblemNamingTheParameterNotAnErrorPerRow() {
        String xes = """
                <?xml version="1.0" encoding="UTF-8"?>
                <log xes.version="1.0">
                  <trace>
                    <string key="concept:name" value="xk1"/>
                    <event>
                      <string key="Activity" value="Home"/>
                      <date key="time:timestamp" value="2026-03-01T10:00:00Z"/>
                    </event>
                    <event>
                      <string key="Activity" value="Cart"/>
                      <date key="time:timestamp" value="2026-03-01T10:05:00Z"/>
                    </event>
                  </trace>
                </log>
                """;
        String before = get("/api/stats").body();
        Response imported = post("/api/events?touchpointColumn=activity", "application/xes+xml", xes);
        assertThat(imported.status()).as(imported.body()).isEqualTo(400);
        assertThat(imported.json().get("parameter").asString()).isEqualTo("touchpointColumn");
        assertThat(imported.errorLines()).containsExactly("5 activity no event has the attribute named by "
                + "touchpointColumn=activity (attributes of the event at line 5: Activity, time:timestamp, "
                + "case:concept:name); names match exactly, case included, and a trace's attributes have the "
                + "prefix case:");
        Response preview = post("/api/events/preview?touchpointColumn=activity", "application/xes+xml", xes);
        assertThat(preview.status()).as(preview.body()).isEqualTo(400);
        assertThat(withoutPreview(preview.json())).isEqualTo(withoutInstance(imported.json()));
        assertThat(get("/api/stats").body()).as("nothing written").isEqualTo(before);

        Response traceAttribute = post("/api/events?touchpointColumn=Activity&customerColumn=case:concept:name",
                "application/xes+xml", xes);
        assertThat(traceAttribute.status()).as("a trace attribute counts: " + traceAttribute.body()).isEqualTo(200);
    }

    @Test
    void aTruncatedPreviewSaysARuleMatchedNoneOfTheRowsPreviewedNotOfTheUpload() {
        String csv = "journey_id,timestamp,touchpoint\nj1,2026-03-01T10:00:00Z,Home\nj1,2026-03-01T10:05:00Z,Pay\n";
        JsonNode truncated = post("/api/events/preview?rows=1&purchase=Pay", "text/csv", csv).json();
        assertThat(truncated.get("truncated").asBoolean()).isTrue();
        assertThat(truncated.get("warnings")).hasSize(1);
        assertThat(truncated.get("warnings").get(0).get("message").asString())
                .isEqualTo("purchase 'Pay' matched no event of the 1 row previewed");

        JsonNode whole = post("/api/events/preview?purchase=Upsell", "text/csv", csv).json();
        assertThat(whole.get("truncated").asBoolean()).isFalse();
        assertThat(whole.get("warnings").get(0).get("message").asString())
                .isEqualTo("purchase 'Upsell' matched no event of this upload");
    }

    @Test
    void ndjsonShowsTheKeysOfItsObjectsAndSuggestsDefaultsAndSpellings() {
        String ndjson = "{\"journey_id\":\"a\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"touchpoint\":\"Home\","
                + "\"Channel\":\"web\",\"Customer ID\":\"c7\"}\nnot json\n";
        JsonNode preview = post("/api/events/preview", "application/x-ndjson", ndjson).json();

        assertThat(preview.get("format").asString()).isEqualTo("ndjson");
        assertThat(texts(preview.get("columns"))).containsExactly("journey_id", "timestamp", "touchpoint", "Channel",
                "Customer ID");
        assertThat(preview.get("suggestedBy").get("journey").asString()).isEqualTo("default");
        assertThat(preview.get("mapping").get("channel").asString()).isEqualTo("Channel");
        assertThat(preview.get("mapping").get("customer").asString()).isEqualTo("Customer ID");
        assertThat(preview.get("parameters").get("channelColumn").asString()).isEqualTo("Channel");
        assertThat(preview.get("parameters").has("journeyColumn")).isFalse();
        assertThat(preview.get("rows").get(0).get("customer").asString()).isEqualTo("c7");
        assertThat(preview.get("rows").get(1).get("line").asLong()).isEqualTo(2);
        assertThat(preview.get("rows").get(1).get("errors").get(0).get("reason").asString())
                .startsWith("is not a JSON object");
    }

    @Test
    void anNdjsonLineTheParserRefusesSaysWhyWithoutNamingTheParsersSettings() {
        String ndjson = "{\"journey_id\":\"pv-n\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"touchpoint\":\"Home\","
                + "\"x\":" + "[".repeat(600) + "]".repeat(600) + "}\n"
                + "{\"journey_id\":\"pv-n\",\"timestamp\":\"2026-01-01T00:01:00Z\",\"touchpoint\":\"Home\",\"x\":+1}\n";
        JsonNode rows = post("/api/events/preview", "application/x-ndjson", ndjson).json().get("rows");

        assertThat(rows.get(0).get("errors").get(0).get("reason").asString())
                .startsWith("is not a JSON object: Document nesting depth")
                .doesNotContain("`", "StreamReadConstraints");
        assertThat(rows.get(1).get("errors").get(0).get("reason").asString())
                .contains("plus signs").doesNotContain("`", "JsonReadFeature");
    }

    @Test
    void anNdjsonFieldGivenABooleanIsTheErrorTheImportRejectsItWith() {
        String ndjson = """
                {"journey_id":"pv-b","timestamp":"2026-01-01T00:00:00Z","touchpoint":"Home"}
                {"journey_id":"pv-b","timestamp":"2026-01-01T00:01:00Z","touchpoint":true}
                """;
        Response rejected = post("/api/events", "application/x-ndjson", ndjson);
        JsonNode rows = post("/api/events/preview", "application/x-ndjson", ndjson).json().get("rows");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rows.get(0).get("errors")).isEmpty();
        assertThat(rows.get(1).has("touchpoint")).isFalse();
        assertThat(rows.get(1).get("errors")).isEqualTo(rejected.json().get("errors"));
        assertThat(rows.get(1).get("errors").get(0).get("reason").asString())
                .isEqualTo("must be a string, got a boolean");
    }

    @Test
    void badParametersGetTheImportsProblems() {
        String csv = "journey_id,timestamp,touchpoint\nj1,2026-03-01T10:00:00Z,Home\n";
        for (String query : List.of("delimiter=ab", "onError=maybe", "sessionGap=soon", "format=xls",
                "purchase=%22Pay,%20now")) {
            Response preview = post("/api/events/preview?" + query, "text/csv", csv);
            Response imported = post("/api/events?" + query, "text/csv", csv);
            assertThat(preview.status()).as(query).isEqualTo(400);
            assertThat(preview.contentType()).startsWith("application/problem+json");
            assertThat(withoutInstance(preview.json())).as(query).isEqualTo(withoutInstance(imported.json()));
        }
        Response rows = post("/api/events/preview?rows=0", "text/csv", csv);
        assertThat(rows.status()).isEqualTo(400);
        assertThat(rows.json().get("parameter").asString()).isEqualTo("rows");
        assertThat(rows.json().get("detail").asString()).contains("between 1 and 1000");
    }

    @Test
    void needsTheApiKeyLikeTheImport() {
        Response refused = post("/api/events/preview", "text/csv", "journey_id,timestamp,touchpoint\n", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void readsAtMostItsByteBoundAndDropsARowTheBoundCut() {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint,note\n");
        String note = "x".repeat(3000);
        for (int i = 0; i < 1000; i++) {
            csv.append("j").append(i).append(",2026-03-01T10:00:00Z,Home,").append(note).append('\n');
        }
        JsonNode preview = post("/api/events/preview?rows=1000", "text/csv", csv.toString()).json();

        int rows = preview.get("rows").size();
        assertThat(rows).as("about 1 MiB of 3 kB rows").isBetween(300, 400);
        assertThat(preview.get("validRows").asLong()).as("no row cut short at the bound").isEqualTo(rows);
        assertThat(preview.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void countsRowsOfEmptyCellsAsTheImportDoesUpToTheLastRowPreviewed() {
        String csv = """
                journey_id,timestamp,touchpoint
                empty-1,2026-03-01T10:00:00Z,Home
                ,,
                empty-1,2026-03-01T10:01:00Z,Cart
                 , ,
                ,,
                empty-1,2026-03-01T10:02:00Z,Checkout
                ,,
                """;
        JsonNode whole = post("/api/events/preview", "text/csv", csv).json();
        assertThat(whole.get("emptyRows").asLong()).isEqualTo(4);
        assertThat(whole.get("rowsRead").asLong()).isEqualTo(3);
        assertThat(post("/api/events/preview?rows=2", "text/csv", csv).json().get("emptyRows").asLong())
                .as("the one before the second row, not those the reader read beyond it").isEqualTo(1);
        assertThat(post("/api/events/preview?rows=1", "text/csv", csv).json().has("emptyRows"))
                .as("left out when 0, as in the import's report").isFalse();
        String ndjson = "{\"journey_id\":\"empty-2\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":\"Home\"}\n"
                + "  \n\t\n\n";
        assertThat(post("/api/events/preview", "application/x-ndjson", ndjson).json().get("emptyRows").asLong())
                .as("lines of white space; an empty line is not counted").isEqualTo(2);

        JsonNode imported = importCsv("", csv);
        assertThat(imported.get("emptyRows").asLong()).isEqualTo(whole.get("emptyRows").asLong());
        assertThat(delete("/api/imports/" + imported.get("importId").asString()).status())
                .as("the other tests see an empty store").isEqualTo(200);
    }

    @Test
    void saysWhatCleaningThePageAddressesDidToTheRowsPreviewedAsTheImportsReportSays() {
        String csv = """
                journey_id,timestamp,touchpoint
                clean-1,2026-03-01T10:00:00Z,https://shop.example/product/12?utm_source=ig
                clean-1,2026-03-01T10:01:00Z,https://shop.example/product/13
                clean-1,2026-03-01T10:02:00Z,/cart/
                clean-2,2026-03-01T11:00:00Z,https://shop.example/product/12
                clean-2,2026-03-01T11:01:00Z,Add to cart
                """;
        String query = "?urls=path&rewrite=" + URLEncoder.encode("/product/\\d+ -> /product/:id",
                StandardCharsets.UTF_8);
        JsonNode preview = post("/api/events/preview" + query, "text/csv", csv).json();
        assertThat(preview.get("rows")).extracting(row -> row.get("touchpoint").asString()).containsExactly(
                "/product/:id", "/product/:id", "/cart", "/product/:id", "Add to cart");
        JsonNode cleaning = preview.get("cleaning");
        assertThat(cleaning.get("names").asLong()).as("as written").isEqualTo(5);
        assertThat(cleaning.get("touchpoints").asLong()).isEqualTo(3);
        assertThat(cleaning.get("renamedEvents").asLong()).isEqualTo(4);
        JsonNode firstTwo = post("/api/events/preview" + query + "&rows=2", "text/csv", csv).json().get("cleaning");
        assertThat(firstTwo.get("names").asLong()).as("of the rows previewed").isEqualTo(2);
        assertThat(firstTwo.get("touchpoints").asLong()).isEqualTo(1);
        assertThat(firstTwo.get("renamedEvents").asLong()).isEqualTo(2);
        assertThat(post("/api/events/preview", "text/csv", csv).json().has("cleaning"))
                .as("left out without urls and rewrite").isFalse();

        JsonNode imported = importCsv(query, csv);
        assertThat(imported.get("cleaning")).isEqualTo(cleaning);
        assertThat(delete("/api/imports/" + imported.get("importId").asString()).status())
                .as("the other tests see an empty store").isEqualTo(200);
    }

    /** A refused preview's problem without what it read of the columns: the import's problem. */
    private static JsonNode withoutPreview(JsonNode problem) {
        return withoutInstance(problem).without(List.of("format", "columns", "mapping", "suggestedBy", "parameters",
                "attributes"));
    }

    /** The problem but its {@code instance}, which names the path asked. */
    private static tools.jackson.databind.node.ObjectNode withoutInstance(JsonNode problem) {
        return ((tools.jackson.databind.node.ObjectNode) problem.deepCopy()).without("instance");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }

    /**
     * A delimiter is read for CSV only: given for an NDJSON or XES upload of events, or an NDJSON file of answers, the
     * upload imports and its report warns that the delimiter was not used. A CSV upload with its delimiter has no
     * such warning.
     */
    @Test
    void aDelimiterGivenForAnUploadThatIsNotCsvIsWarnedAboutInTheReport() {
        Response ndjson = post("/api/events?delimiter=%3B&openHorizon=0", "application/x-ndjson",
                "{\"journey_id\":\"d1\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"touchpoint\":\"Home\"}\n");
        assertUnusedDelimiter(ndjson, "NDJSON");
        Response xes = post("/api/events?delimiter=%3B&openHorizon=0", "application/xes+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <log xes.version="1.0">
                  <trace>
                    <string key="concept:name" value="d2"/>
                    <event>
                      <string key="concept:name" value="Home"/>
                      <date key="time:timestamp" value="2026-03-02T11:00:00Z"/>
                    </event>
                  </trace>
                </log>
                """);
        assertUnusedDelimiter(xes, "XES");
        Response answers = post("/api/feedback?delimiter=%3B", "application/x-ndjson",
                "{\"journey_id\":\"d1\",\"timestamp\":\"2026-03-02T10:00:00Z\",\"score\":4,\"scale\":\"csat\"}\n");
        assertUnusedDelimiter(answers, "NDJSON");

        Response csv = post("/api/events?delimiter=%3B&openHorizon=0", "text/csv",
                "journey_id;timestamp;touchpoint\nd3;2026-03-02T12:00:00Z;Home\n");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).doesNotContain("delimiter-not-used");
    }

    private static void assertUnusedDelimiter(Response response, String format) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode warning = null;
        for (JsonNode candidate : response.json().get("warnings")) {
            if (candidate.get("kind").asString().equals("delimiter-not-used")) {
                warning = candidate;
            }
        }
        assertThat(warning).as(response.body()).isNotNull();
        assertThat(warning.get("message").asString()).contains("the delimiter ';' was not used",
                "read as " + format);
    }


    @Test
    void theOpenApiDescriptionGivesTheRowsParameterItsRangeAndDefault() {
        JsonNode rows = null;
        for (JsonNode parameter : get("/v3/api-docs").json().get("paths").get("/api/events/preview").get("post")
                .get("parameters")) {
            rows = parameter.get("name").asString().equals("rows") ? parameter : rows;
        }
        assertThat(rows).isNotNull();
        assertThat(rows.get("schema").get("type").asString()).isEqualTo("integer");
        assertThat(rows.get("schema").get("minimum").asInt()).isEqualTo(1);
        assertThat(rows.get("schema").get("maximum").asInt()).isEqualTo(1000);
        assertThat(rows.get("schema").get("default").asInt()).isEqualTo(20);
    }
}
