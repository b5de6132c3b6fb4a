package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Exports as they come, imported over HTTP: revenue on purchase events only, epoch seconds and other timestamp
 * forms, outcome rules that report what they matched, duplicates that need equal columns, gzip, decimal commas,
 * sessions by customer despite a journey id column, and the date filters' day boundaries. Each test uses its own
 * journey ids (or segment), so the tests are independent although they share one database.
 */
// The uploads here are finished logs: no journey is still in progress.
@TestPropertySource(properties = "journeys.open-horizon=0s")
class ImportFormatsTests extends ApiTestSupport {

    private static final String CSV = "text/csv";

    private JsonNode journey(String id) {
        Response response = get("/api/journeys/" + id.replace("@", "%40"));
        assertThat(response.status()).as(id + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private List<Instant> times(String journeyId) {
        List<Instant> times = new ArrayList<>();
        journey(journeyId).get("steps").forEach(step -> times.add(Instant.parse(step.get("at").asString())));
        return times;
    }

    private static List<String> warningKinds(JsonNode report) {
        List<String> kinds = new ArrayList<>();
        report.get("warnings").forEach(warning -> kinds.add(warning.get("kind").asString()));
        return kinds;
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private Response postGzip(String query, String contentType, String contentEncoding, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/events" + query))
                .header("X-API-Key", API_KEY).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        return send(request.build());
    }

    // 1. Revenue

    @Test
    void revenueIsTheValueOfPurchaseEventsWhenAnExportPutsThePriceOnEveryView() {
        // A shop's event export: the product price on every view, cart and purchase event.
        JsonNode report = importCsv("?typeColumn=event_type", """
                journey_id,timestamp,touchpoint,event_type,value,product_id
                rev-1,2026-03-01T10:00:00Z,Product page,touchpoint,19.99,p1
                rev-1,2026-03-01T10:01:00Z,Product page,touchpoint,5.00,p2
                rev-1,2026-03-01T10:02:00Z,Cart,touchpoint,19.99,p1
                rev-1,2026-03-01T10:03:00Z,Order confirmation,purchase,19.99,p1
                rev-2,2026-03-01T11:00:00Z,Product page,touchpoint,120.00,p3
                rev-2,2026-03-01T11:01:00Z,Cart,touchpoint,120.00,p3
                rev-3,2026-03-01T12:00:00Z,Product page,touchpoint,10.00,p4
                rev-3,2026-03-01T12:01:00Z,Order confirmation,purchase,10.00,p4
                rev-3,2026-03-01T12:02:00Z,Order confirmation,purchase,2.50,p5
                """);

        assertThat(report.get("eventsImported").asLong()).isEqualTo(9);
        assertThat(journey("rev-1").get("value").asDouble()).isEqualTo(19.99);
        assertThat(journey("rev-2").get("value").asDouble()).isZero();
        assertThat(journey("rev-3").get("value").asDouble()).isEqualTo(12.5);
        // The prices on the views are kept as what they are: an attribute of each event.
        JsonNode views = journey("rev-1").get("steps");
        assertThat(views.get(0).get("attributes").get("value").asString()).isEqualTo("19.99");
        assertThat(views.get(1).get("attributes").get("value").asString()).isEqualTo("5.00");
        assertThat(views.get(3).path("attributes").has("value")).isFalse();

        // Extending a stored journey with a later purchase adds that purchase only.
        importCsv("?typeColumn=event_type", """
                journey_id,timestamp,touchpoint,event_type,value,product_id
                rev-2,2026-03-01T11:05:00Z,Product page,touchpoint,30.00,p6
                rev-2,2026-03-01T11:06:00Z,Order confirmation,purchase,120.00,p3
                """);
        assertThat(journey("rev-2").get("value").asDouble()).isEqualTo(120.0);
        assertThat(journey("rev-2").get("outcome").asString()).isEqualTo("PURCHASE");
    }

    @Test
    void aSessionKeepsItsRevenueWhenALaterUploadAddsAnotherSessionOfTheCustomer() {
        importCsv("?purchase=Order confirmation", """
                customer_id,timestamp,touchpoint,value
                rev-c1,2026-03-02T10:00:00Z,Product page,40
                rev-c1,2026-03-02T10:05:00Z,Order confirmation,40
                """);
        importCsv("?purchase=Order confirmation", """
                customer_id,timestamp,touchpoint,value
                rev-c1,2026-03-02T18:00:00Z,Product page,15
                rev-c1,2026-03-02T18:02:00Z,Order confirmation,15
                """);

        assertThat(journey("rev-c1@2026-03-02T10:00:00Z").get("value").asDouble()).isEqualTo(40.0);
        assertThat(journey("rev-c1@2026-03-02T18:00:00Z").get("value").asDouble()).isEqualTo(15.0);
    }

    // 2. Timestamps

    @Test
    void readsEpochSecondsWithAndWithoutFractionAndTheUtcSuffix() {
        JsonNode report = importCsv("", """
                journey_id,timestamp,touchpoint
                ts-1,1396437466,Home
                ts-1,1396437466.94,Search
                ts-1,1396437500123,Cart
                ts-2,2019-10-01 00:00:00 UTC,Home
                ts-2,2019-10-01 00:00:05.5 UTC,Cart
                """);

        assertThat(times("ts-1")).containsExactly(Instant.parse("2014-04-02T11:17:46Z"),
                Instant.parse("2014-04-02T11:17:46.940Z"), Instant.parse("2014-04-02T11:18:20.123Z"));
        assertThat(times("ts-2")).containsExactly(Instant.parse("2019-10-01T00:00:00Z"),
                Instant.parse("2019-10-01T00:00:05.500Z"));
        assertThat(warningKinds(report)).isEmpty();
    }

    @Test
    void readsNdjsonNumbersAsWrittenNotRoundedThroughADouble() {
        Response response = post("/api/events", "application/x-ndjson", """
                {"journey_id": "nd-1", "timestamp": 1396437466.94, "touchpoint": "Home"}
                {"journey_id": "nd-1", "timestamp": 1396437500123, "touchpoint": "Cart"}
                {"journey_id": "nd-1", "timestamp": 1396437600, "touchpoint": "Order confirmation", "type": "purchase",                 "value": 1234567.25}
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(times("nd-1")).containsExactly(Instant.parse("2014-04-02T11:17:46.940Z"),
                Instant.parse("2014-04-02T11:18:20.123Z"), Instant.parse("2014-04-02T11:20:00Z"));
        assertThat(journey("nd-1").get("value").asDouble()).isEqualTo(1234567.25);
        Response tooLarge = post("/api/events", "application/x-ndjson", """
                {"journey_id": "nd-2", "timestamp": 1396437600, "touchpoint": "Home", "value": 1e400}
                """);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("errors").get(0).get("reason").asString()).endsWith("is too large a number");
    }

    @Test
    void readsTheTimestampFormatItIsGiven() {
        importCsv("?timestampFormat=dd/MM/yyyy%20HH:mm", """
                journey_id,timestamp,touchpoint
                tf-1,01/03/2026 10:15,Home
                tf-1,01/03/2026 10:20,Cart
                """);
        assertThat(times("tf-1")).containsExactly(Instant.parse("2026-03-01T10:15:00Z"),
                Instant.parse("2026-03-01T10:20:00Z"));

        importCsv("?timestampFormat=epoch-millis", """
                journey_id,timestamp,touchpoint
                tf-2,1396437466,Home
                """);
        assertThat(times("tf-2")).containsExactly(Instant.ofEpochMilli(1396437466L));

        Response wrongForm = post("/api/events?timestampFormat=iso", CSV, """
                journey_id,timestamp,touchpoint
                tf-3,1396437466,Home
                """);
        assertThat(wrongForm.status()).isEqualTo(400);
        JsonNode error = wrongForm.json().get("errors").get(0);
        assertThat(error.get("line").asLong()).isEqualTo(2);
        assertThat(error.get("field").asString()).isEqualTo("timestamp");
        assertThat(error.get("reason").asString()).contains("timestampFormat=iso");

        Response badPattern = post("/api/events?timestampFormat=yyyy-MM-dd%20%7B", CSV, "journey_id,timestamp,"
                + "touchpoint\ntf-4,2026-03-01,Home\n");
        assertThat(badPattern.status()).isEqualTo(400);
        assertThat(badPattern.json().get("parameter").asString()).isEqualTo("timestampFormat");
    }

    @Test
    void warnsOfTimestampsBefore1990OrAfterNextYearWithTheirLines() {
        JsonNode report = importCsv("?timestampFormat=epoch-millis", """
                journey_id,timestamp,touchpoint
                old-1,1396437466,Home
                old-1,1396437470,Cart
                old-2,1772359200000,Home
                old-3,99999999999999,Home
                """);

        assertThat(report.get("eventsImported").asLong()).isEqualTo(4);
        JsonNode warning = report.get("warnings").get(0);
        assertThat(warning.get("kind").asString()).isEqualTo("implausible-timestamp");
        assertThat(warning.get("count").asLong()).isEqualTo(3);
        assertThat(warning.get("message").asString()).startsWith("3 events have a timestamp before 1990 or after "
                + "next year");
        List<Long> lines = new ArrayList<>();
        warning.get("examples").forEach(example -> lines.add(example.get("line").asLong()));
        assertThat(lines).containsExactly(2L, 3L, 5L);
        assertThat(warning.get("examples").get(0).get("value").asString()).contains("1396437466", "1970-01-17");
    }

    // 3. Outcome rules

    @Test
    void reportsWhatEachOutcomeRuleMatchedAndWarnsOfARuleThatMatchedNothing() {
        JsonNode report = importCsv("?purchase=order%20complete,Upsell&competitor=Rival%20shop", """
                journey_id,timestamp,touchpoint
                rule-1,2026-03-03T10:00:00Z,Home
                rule-1,2026-03-03T10:01:00Z,Order complete
                rule-2,2026-03-03T10:00:00Z,Home
                rule-2,2026-03-03T10:01:00Z,Upsell
                rule-2,2026-03-03T10:02:00Z,Upsell
                """);

        JsonNode purchase = report.get("outcomeRules").get(0);
        assertThat(purchase.get("rule").asString()).isEqualTo("purchase");
        assertThat(purchase.get("matchedEvents").asLong()).isEqualTo(2);
        assertThat(purchase.get("names").get(0).get("name").asString()).isEqualTo("order complete");
        assertThat(purchase.get("names").get(0).get("matchedEvents").asLong()).isZero();
        assertThat(purchase.get("names").get(0).get("suggestion").asString()).isEqualTo("Order complete");
        assertThat(purchase.get("names").get(1).get("matchedEvents").asLong()).isEqualTo(2);
        JsonNode competitor = report.get("outcomeRules").get(1);
        assertThat(competitor.get("rule").asString()).isEqualTo("competitor");
        assertThat(competitor.get("matchedEvents").asLong()).isZero();

        List<String> messages = new ArrayList<>();
        report.get("warnings").forEach(warning -> messages.add(warning.get("message").asString()));
        assertThat(messages).containsExactly(
                "purchase 'order complete' matched no event of this upload; did you mean 'Order complete'?",
                "competitor 'Rival shop' matched no event of this upload");
        assertThat(journey("rule-1").get("outcome").asString()).isEqualTo("ABANDONED");
        assertThat(journey("rule-2").get("outcome").asString()).isEqualTo("PURCHASE");

        JsonNode stored = importCsv("?purchase=Upsell", """
                journey_id,timestamp,touchpoint
                rule-3,2026-03-03T10:00:00Z,Home
                """);
        assertThat(stored.get("outcomeRules").get(0).get("names").get(0).has("suggestion"))
                .as("a stored touchpoint this upload has no event at is not suggested as itself").isFalse();
        assertThat(stored.get("warnings").get(0).get("message").asString())
                .isEqualTo("purchase 'Upsell' matched no event of this upload");
    }

    @Test
    void takesNamesWithCommasQuotedOrAsRepeatedParameters() {
        String file = """
                journey_id,timestamp,touchpoint
                %1$s-1,2026-03-04T10:00:00Z,Home
                %1$s-1,2026-03-04T10:01:00Z,"Pay, now"
                %1$s-2,2026-03-04T10:00:00Z,Home
                %1$s-2,2026-03-04T10:01:00Z,"Rival, Inc"
                """;

        JsonNode quoted = importCsv("?purchase=%22Pay,%20now%22,Other&competitor=%22Rival,%20Inc%22",
                file.formatted("comma-q"));
        assertThat(quoted.get("outcomeRules").get(0).get("names").get(0).get("name").asString()).isEqualTo("Pay, now");
        assertThat(quoted.get("outcomeRules").get(0).get("matchedEvents").asLong()).isEqualTo(1);
        assertThat(quoted.get("outcomeRules").get(1).get("matchedEvents").asLong()).isEqualTo(1);
        assertThat(journey("comma-q-1").get("outcome").asString()).isEqualTo("PURCHASE");
        assertThat(journey("comma-q-2").get("outcome").asString()).isEqualTo("DIVERTED");

        JsonNode repeated = importCsv("?purchase=Pay,%20now&purchase=Other&competitor=Rival,%20Inc&competitor=X",
                file.formatted("comma-r"));
        assertThat(repeated.get("outcomeRules").get(0).get("matchedEvents").asLong()).isEqualTo(1);
        assertThat(journey("comma-r-1").get("outcome").asString()).isEqualTo("PURCHASE");
        assertThat(journey("comma-r-2").get("outcome").asString()).isEqualTo("DIVERTED");

        // Unquoted, the comma splits the name; the warning says which name was meant and how to write it.
        JsonNode split = importCsv("?purchase=Pay,%20now", file.formatted("comma-s"));
        assertThat(split.get("outcomeRules").get(0).get("matchedEvents").asLong()).isZero();
        assertThat(split.get("warnings").get(0).get("message").asString())
                .contains("'Pay' matched no event", "did you mean 'Pay, now'?", "purchase=\"Pay, now\"");

        Response unclosed = post("/api/events?purchase=%22Pay,%20now", CSV, file.formatted("comma-u"));
        assertThat(unclosed.status()).isEqualTo(400);
        assertThat(unclosed.json().get("parameter").asString()).isEqualTo("purchase");
    }

    // 4. Duplicates

    @Test
    void keepsTwoEventsOfTheSameSecondAndTouchpointThatDifferInAnyColumnAndReimportsIdempotently() {
        String file = """
                journey_id,timestamp,touchpoint,product_id,value
                dup-1,2026-03-05T10:00:00Z,Product page,p1,10
                dup-1,2026-03-05T10:00:00Z,Product page,p2,10
                dup-1,2026-03-05T10:00:00Z,Product page,p1,10
                dup-1,2026-03-05T10:00:00Z,Product page,p1,12
                dup-1,2026-03-05T10:00:00Z, Product page ,p1 ,10
                dup-1,2026-03-05T10:00:01Z,Cart,p1,10
                """;

        JsonNode first = importCsv("", file);
        assertThat(first.get("eventsImported").asLong()).isEqualTo(4);
        assertThat(first.get("duplicateEvents").asLong()).isEqualTo(2);
        assertThat(journey("dup-1").get("steps").size()).isEqualTo(4);

        String before = storeState();
        JsonNode again = importCsv("", file);
        assertThat(again.get("eventsImported").asLong()).isZero();
        assertThat(again.get("duplicateEvents").asLong()).isEqualTo(6);
        assertThat(again.get("journeysUpdated").asLong()).isZero();
        assertThat(storeState()).isEqualTo(before);
    }

    // 5. Compressed uploads

    @Test
    void importsGzipUploadsByContentEncodingContentTypeOrMagicBytes() {
        String csv = """
                journey_id,timestamp,touchpoint
                gz-1,2026-03-06T10:00:00Z,Home
                gz-1,2026-03-06T10:01:00Z,Cart
                """;
        String ndjson = """
                {"journey_id":"gz-%1$s","timestamp":"2026-03-06T10:00:00Z","touchpoint":"Home"}
                {"journey_id":"gz-%1$s","timestamp":"2026-03-06T10:01:00Z","touchpoint":"Cart"}
                """;

        Response encoded = postGzip("", CSV, "gzip", gzip(csv));
        assertThat(encoded.status()).as(encoded.body()).isEqualTo(200);
        assertThat(encoded.json().get("eventsImported").asLong()).isEqualTo(2);

        Response typed = postGzip("?format=ndjson", "application/gzip", null, gzip(ndjson.formatted("2")));
        assertThat(typed.status()).as(typed.body()).isEqualTo(200);
        assertThat(typed.json().get("eventsImported").asLong()).isEqualTo(2);

        Response sniffed = postGzip("", "application/gzip", null, gzip(ndjson.formatted("3")));
        assertThat(sniffed.status()).as(sniffed.body()).isEqualTo(200);
        assertThat(journey("gz-3").get("steps").size()).isEqualTo(2);

        Response undeclared = postGzip("", CSV, null, gzip(csv.replace("gz-1", "gz-4")));
        assertThat(undeclared.status()).as(undeclared.body()).isEqualTo(200);
        assertThat(journey("gz-4").get("steps").size()).isEqualTo(2);
    }

    @Test
    void importsTheRunningExampleGzippedAndReportsWhatThePurchaseRuleMatched() throws IOException {
        String log = java.nio.file.Files.readString(TestData.file("pm4py-running-example/running-example.csv"));

        Response response = postGzip("?journeyColumn=case:concept:name&touchpointColumn=concept:name"
                + "&timestampColumn=time:timestamp&purchase=pay%20compensation&format=csv", "application/gzip", null,
                gzip(log));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("rowsRead").asLong()).isEqualTo(42);
        assertThat(report.get("journeysCreated").asLong()).isEqualTo(6);
        assertThat(report.get("outcomeRules").get(0).get("matchedEvents").asLong()).isEqualTo(3);
        assertThat(warningKinds(report)).as("its first column, pandas's index, has no name").containsExactly(
                "unnamed-column");
    }

    @Test
    void rejectsGzipThatIsNotOrIsCutShortNamingTheProblem() {
        Response notGzip = postGzip("", CSV, "gzip", "journey_id,timestamp,touchpoint\n".getBytes(StandardCharsets.UTF_8));
        assertThat(notGzip.status()).isEqualTo(400);
        assertThat(notGzip.contentType()).startsWith("application/problem+json");
        assertThat(notGzip.json().get("detail").asString()).contains("not gzip data");

        StringBuilder rows = new StringBuilder("journey_id,timestamp,touchpoint\n");
        for (int i = 0; i < 2000; i++) {
            rows.append("cut-").append(i).append(",2026-03-06T10:00:00Z,Home page number ").append(i).append('\n');
        }
        byte[] whole = gzip(rows.toString());
        for (String type : List.of(CSV, "application/x-ndjson")) {
            Response cut = postGzip("", type, "gzip", Arrays.copyOf(whole, whole.length / 2));
            assertThat(cut.status()).as(cut.body()).isEqualTo(400);
            assertThat(cut.contentType()).startsWith("application/problem+json");
            assertThat(cut.json().get("errors").get(0).get("reason").asString())
                    .contains("compressed data is corrupt or cut short");
        }
        assertThat(get("/api/journeys/cut-0").status()).isEqualTo(404);

        Response encoding = postGzip("", CSV, "br", new byte[] {1, 2, 3});
        assertThat(encoding.status()).as("RFC 9110: an unsupported content coding is a 415").isEqualTo(415);
        assertThat(encoding.json().get("type").asString()).endsWith("/unsupported-content-encoding");
        assertThat(encoding.json().get("detail").asString()).contains("gzip or identity", "'br'");
    }

    // 6. Decimal commas, and numbers that are no plain number

    @Test
    void refusesValuesThatJavaWouldReadButNoDataFileMeansAsNumbers() {
        Response refused = post("/api/events", CSV, """
                journey_id,timestamp,touchpoint,type,value
                num-1,2026-03-07T10:00:00Z,Order confirmation,purchase,NaN
                num-2,2026-03-07T10:00:00Z,Order confirmation,purchase,12d
                num-3,2026-03-07T10:00:00Z,Order confirmation,purchase,1e999
                num-4,2026-03-07T10:00:00Z,Order confirmation,purchase,12.5
                """);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).extracting(e -> e.get("line").asLong()).containsExactly(2L, 3L, 4L);
        assertThat(errors).extracting(e -> e.get("field").asString()).containsOnly("value");
        assertThat(errors.get(0).get("reason").asString()).isEqualTo("'NaN' is not a number");
        assertThat(errors.get(2).get("reason").asString()).isEqualTo("'1e999' is too large a number");
        assertThat(get("/api/journeys/num-4").status()).as("nothing was imported").isEqualTo(404);
    }

    @Test
    void aMisspeltImportOptionIsA400NamingItRatherThanAnImportWithTheDefault() {
        Response misspelt = post("/api/events?sesionGap=1h", CSV, """
                journey_id,timestamp,touchpoint
                typo-1,2026-03-07T10:00:00Z,Home
                """);

        assertThat(misspelt.status()).as(misspelt.body()).isEqualTo(400);
        assertThat(misspelt.json().get("parameter").asString()).isEqualTo("sesionGap");
        assertThat(misspelt.json().get("detail").asString()).contains("is not a parameter of this endpoint",
                "sessionGap");
        assertThat(get("/api/journeys/typo-1").status()).isEqualTo(404);
        Response preview = post("/api/events/preview?rows=5&onErorr=skip", CSV, "journey_id,timestamp,touchpoint\n");
        assertThat(preview.status()).as(preview.body()).isEqualTo(400);
        assertThat(preview.json().get("parameter").asString()).isEqualTo("onErorr");
    }

    @Test
    void readsDecimalCommasWhenToldAndOtherwiseSuggestsDecimalComma() {
        String file = """
                journey_id;timestamp;touchpoint;type;value
                dec-1;2026-03-07T10:00:00Z;Home;;
                dec-1;2026-03-07T10:01:00Z;Order confirmation;purchase;12,50
                dec-2;2026-03-07T10:00:00Z;Order confirmation;purchase;1.234,50
                """;

        Response plain = post("/api/events?delimiter=;", CSV, file);
        assertThat(plain.status()).isEqualTo(400);
        JsonNode error = plain.json().get("errors").get(0);
        assertThat(error.get("line").asLong()).isEqualTo(3);
        assertThat(error.get("field").asString()).isEqualTo("value");
        assertThat(error.get("reason").asString()).contains("'12,50' is not a number", "decimal=comma");

        importCsv("?delimiter=;&decimal=comma", file);
        assertThat(journey("dec-1").get("value").asDouble()).isEqualTo(12.5);
        assertThat(journey("dec-2").get("value").asDouble()).isEqualTo(1234.5);

        Response mixed = post("/api/events?delimiter=;&decimal=comma", CSV, """
                journey_id;timestamp;touchpoint;type;value
                dec-3;2026-03-07T10:00:00Z;Order confirmation;purchase;12.5
                """);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("errors").get(0).get("reason").asString()).contains("decimal comma");

        assertThat(post("/api/events?decimal=dot", CSV, file).json().get("parameter").asString())
                .isEqualTo("decimal");
    }

    // 7. Sessions by customer despite a journey id column

    @Test
    void splitsByCustomerAndInactivityWhenAskedAlthoughTheFileHasAJourneyId() {
        String file = """
                journey_id,customer_id,timestamp,touchpoint
                web-session-9,sess-c1,2026-03-08T10:00:00Z,Home
                web-session-9,sess-c1,2026-03-08T10:10:00Z,Cart
                web-session-9,sess-c1,2026-03-08T14:00:00Z,Home
                web-session-10,sess-c2,2026-03-08T10:00:00Z,Home
                """;

        JsonNode report = importCsv("?sessionize=customer&sessionGap=1h", file);

        assertThat(report.get("journeysCreated").asLong()).isEqualTo(3);
        assertThat(journey("sess-c1@2026-03-08T10:00:00Z").get("steps").size()).isEqualTo(2);
        assertThat(journey("sess-c1@2026-03-08T14:00:00Z").get("steps").size()).isEqualTo(1);
        assertThat(get("/api/journeys/web-session-9").status()).isEqualTo(404);

        Response missing = post("/api/events?sessionize=customer", CSV, """
                journey_id,customer_id,timestamp,touchpoint
                web-session-11,,2026-03-08T10:00:00Z,Home
                """);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("customer_id");
        assertThat(post("/api/events?sessionize=visitor", CSV, file).json().get("parameter").asString())
                .isEqualTo("sessionize");
    }

    @Test
    void eachSessionOfACustomerTakesTheDeviceAndSegmentOfItsOwnEvents() {
        // A signed-in user's events as an analytics export gives them, newest first: Monday on the phone, Tuesday on
        // the laptop, where they also chose a plan that sets their segment.
        String columns = "?customerColumn=user_id&touchpointColumn=page&deviceColumn=device_category";
        JsonNode report = importCsv(columns + "&segmentColumn=plan", """
                user_id,timestamp,page,device_category,plan
                dev-u1,2026-05-05T20:03:00Z,/cart,desktop,pro
                dev-u1,2026-05-05T20:00:00Z,/,desktop,
                dev-u1,2026-05-04T10:05:00Z,/product/p1,mobile,
                dev-u1,2026-05-04T10:00:00Z,/,mobile,
                """);
        assertThat(report.get("journeysCreated").asLong()).isEqualTo(2);
        assertThat(journey("dev-u1@2026-05-04T10:00:00Z").get("device").asString()).isEqualTo("mobile");
        assertThat(journey("dev-u1@2026-05-05T20:00:00Z").get("device").asString()).isEqualTo("desktop");
        assertThat(journey("dev-u1@2026-05-05T20:00:00Z").get("segment").asString()).isEqualTo("pro");
        // A session without a segment of its own keeps the customer's.
        assertThat(journey("dev-u1@2026-05-04T10:00:00Z").get("segment").asString()).isEqualTo("pro");

        // A later export adds a tablet session and an event to Monday's session; the stored sessions keep theirs.
        importCsv(columns, """
                user_id,timestamp,page,device_category
                dev-u1,2026-05-04T10:08:00Z,/cart,mobile
                dev-u1,2026-05-06T08:00:00Z,/,tablet
                """);
        assertThat(journey("dev-u1@2026-05-04T10:00:00Z").get("steps").size()).isEqualTo(3);
        assertThat(journey("dev-u1@2026-05-04T10:00:00Z").get("device").asString()).isEqualTo("mobile");
        assertThat(journey("dev-u1@2026-05-05T20:00:00Z").get("device").asString()).isEqualTo("desktop");
        assertThat(journey("dev-u1@2026-05-06T08:00:00Z").get("device").asString()).isEqualTo("tablet");
        assertThat(get("/api/paths/top?device=desktop&segment=pro").json().get("total").asLong()).isEqualTo(1);
    }

    // 8. Date filters

    @Test
    void aDateToIncludesItsDayAnInstantToIsExclusiveAndZoneSetsTheDayBoundaries() {
        importCsv("", """
                journey_id,timestamp,touchpoint,segment
                day-a,2026-05-10T23:30:00Z,Home,datefilter
                day-b,2026-05-11T00:30:00Z,Home,datefilter
                day-c,2026-05-11T22:30:00Z,Home,datefilter
                """);

        assertThat(total("from=2026-05-10&to=2026-05-10")).isEqualTo(1);
        assertThat(total("from=2026-05-11&to=2026-05-11")).isEqualTo(2);
        assertThat(total("from=2026-05-10&to=2026-05-11T00:30:00Z")).isEqualTo(1);
        assertThat(total("from=2026-05-10&to=2026-05-11T00:30:01Z")).isEqualTo(2);
        assertThat(total("from=2026-05-10T23:30:00Z&to=2026-05-11T00:30:00%2B00:00")).isEqualTo(1);
        // In Paris (UTC+2 in May), 23:30 UTC on May 10 is already May 11, and 22:30 UTC on May 11 is May 12.
        assertThat(total("from=2026-05-10&to=2026-05-10&zone=Europe/Paris")).isZero();
        assertThat(total("from=2026-05-11&to=2026-05-11&zone=Europe/Paris")).isEqualTo(2);
        assertThat(total("from=2026-05-12T00:00&zone=Europe/Paris")).isEqualTo(1);

        Response backwards = get("/api/paths/top?segment=datefilter&from=2026-05-11&to=2026-05-10");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("parameter").asString()).isEqualTo("from");

        Response badZone = get("/api/paths/top?segment=datefilter&zone=Mars/Base");
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().get("parameter").asString()).isEqualTo("zone");
    }

    private long total(String query) {
        Response response = get("/api/paths/top?segment=datefilter&" + query);
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
        return response.json().get("total").asLong();
    }
}
