package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Quirks of files as spreadsheets, analytics tools and scripts export them, imported over HTTP and compared with what
 * the file means: the stored journeys, or a refusal that names the line, field and reason with nothing written.
 * Each test uses its own journey ids, so the tests are independent although they share one database.
 */
@TestPropertySource(properties = "journeys.open-horizon=0s")
class ExportQuirksImportTests extends ApiTestSupport {

    private static final String CSV = "text/csv";
    private static final String HEADER = "journey_id,timestamp,touchpoint\n";

    @Test
    void namesTheLineOfABadRowAfterBlankLinesAndQuotedLineBreaks() {
        String csv = HEADER + "\nbl-1,2026-03-01T10:00:00Z,\"Product\npage\"\n\n\r\nbl-1,yesterday,Cart\n\n";

        JsonNode error = rejected(csv).get("errors").get(0);

        assertThat(error.get("line").asLong()).as(error.toString()).isEqualTo(7);
        assertThat(error.get("field").asString()).isEqualTo("timestamp");
    }

    @Test
    void rowsOfEmptyCellsArePassedOverAndCountedAsASpreadsheetLeavesThem() {
        // Rows cleared in a spreadsheet: in the middle, with spaces or quotes, more cells than the header, at the end.
        String csv = HEADER + "ec-1,2026-03-01T10:00:00Z,Home\n,,\n ,  ,\t\nec-1,2026-03-01T10:05:00Z,Cart\n"
                + "\"\",\" \",\n,,,,\n,,\r\n";

        JsonNode report = importCsv("", csv);

        assertThat(report.get("rowsRead").asLong()).as(report.toString()).isEqualTo(2);
        assertThat(report.get("emptyRows").asLong()).isEqualTo(5);
        assertThat(report.get("rowsRejected").asLong()).isZero();
        assertThat(touchpoints("ec-1")).containsExactly("Home", "Cart");
        assertThat(importCsv("", HEADER + "ec-2,2026-03-01T10:00:00Z,Home\n").has("emptyRows"))
                .as("no count when no row was passed over").isFalse();

        JsonNode semicolons = importCsv("?delimiter=;", "journey_id;timestamp;touchpoint\n"
                + "ec-3;2026-03-01T10:00:00Z;Home\n;;\n; ;\n");
        assertThat(semicolons.get("rowsRead").asLong()).as(semicolons.toString()).isEqualTo(1);
        assertThat(semicolons.get("emptyRows").asLong()).isEqualTo(2);
    }

    @Test
    void aBadRowAfterRowsOfEmptyCellsIsNamedByItsOwnLineAndARowWithOneCellIsNoEmptyRow() {
        String csv = HEADER + "el-1,2026-03-01T10:00:00Z,Home\n,,\n\n , ,\nel-1,yesterday,Cart\n,,Pay\n,,\n";

        JsonNode problem = rejected(csv);

        assertThat(problem.get("errors")).as(problem.toString()).hasSize(3);
        assertThat(problem.get("errors").get(0).get("line").asLong()).isEqualTo(6);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("timestamp");
        problem.get("errors").valueStream().skip(1).forEach(error -> assertThat(error.get("line").asLong())
                .as("the row with a touchpoint alone is validated: %s", error).isEqualTo(7));
    }

    @Test
    void aHeaderFollowedByRowsOfEmptyCellsOnlyIsRefusedAtLineOneSayingSo() {
        JsonNode problem = rejected(HEADER + ",,\n , ,\n");

        assertThat(problem.get("detail").asString()).as(problem.toString())
                .startsWith("the upload has no data rows, only a header and rows of empty cells");
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("line").asLong()).isEqualTo(1);
        assertThat(error.get("reason").asString()).isEqualTo("is the header, and no data row follows it (the 2 rows "
                + "after it have empty cells only, which are passed over)");
    }

    @Test
    void anNdjsonLineOfSpacesIsPassedOverAndCountedWhileAnEmptyObjectIsARowErrorSayingSo() {
        String first = "{\"journey_id\":\"ej-1\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":\"Home\"}\n";
        Response spaces = post("/api/events", "application/x-ndjson", first + "   \n\n\t\n"
                + first.replace("10:00", "10:05").replace("Home", "Cart"));
        assertThat(spaces.status()).as(spaces.body()).isEqualTo(200);
        assertThat(spaces.json().get("rowsRead").asLong()).isEqualTo(2);
        assertThat(spaces.json().get("emptyRows").asLong()).isEqualTo(2);

        JsonNode problem = rejectedNdjson(first.replace("ej-1", "ej-2") + "  \n{}\n");
        assertThat(problem.get("errors")).as(problem.toString()).singleElement().satisfies(error -> {
            assertThat(error.get("line").asLong()).isEqualTo(3);
            assertThat(error.get("reason").asString()).isEqualTo("is an empty JSON object, {}, without any of the "
                    + "fields a row needs; leave the line out (an empty line is passed over)");
        });
    }

    @Test
    void anUnclosedQuoteIsRefusedAtTheLineItOpensSayingSo() {
        String csv = HEADER + "uq-1,2026-03-01T10:00:00Z,Home\n\nuq-1,2026-03-01T10:05:00Z,\"Cart\nuq-1,"
                + "2026-03-01T10:06:00Z,Pay\n";

        JsonNode error = rejected(csv).get("errors").get(0);

        assertThat(error.get("line").asLong()).as(error.toString()).isEqualTo(4);
        assertThat(error.get("reason").asString()).contains("quoted field").doesNotContain("encapsulated");
    }

    @Test
    void readsGa4EventTimestampsInMicrosecondsAsAutoAndAsTold() {
        String ga4 = """
                user_pseudo_id,event_timestamp,event_name
                ga-1,1772359200123456,page_view
                ga-1,1772359260000999,add_to_cart
                """;
        String columns = "journeyColumn=user_pseudo_id&timestampColumn=event_timestamp&touchpointColumn=event_name";

        importCsv("?" + columns, ga4);
        importCsv("?timestampFormat=epoch-micros&" + columns, ga4.replace("ga-1", "ga-2"));

        for (String journey : List.of("ga-1", "ga-2")) {
            assertThat(times(journey)).as(journey).containsExactly(Instant.parse("2026-03-01T10:00:00.123Z"),
                    Instant.parse("2026-03-01T10:01:00Z"));
        }
        JsonNode error = rejected("?timestampFormat=epoch-millis&" + columns, ga4.replace("ga-1", "ga-3"))
                .get("errors").get(0);
        assertThat(error.get("reason").asString()).contains("outside the years 0001 to 9999 as epoch milliseconds");
    }

    @Test
    void refusesALocalTimeInTheHourTheClocksSkipRatherThanMovingItPastLaterEvents() {
        String csv = HEADER + "dst-1,2026-03-29 01:59 Europe/Paris,Home\ndst-1,2026-03-29 02:30 Europe/Paris,Search\n"
                + "dst-1,2026-03-29 03:10 Europe/Paris,Cart\n";

        JsonNode error = rejected("?timestampFormat=yyyy-MM-dd%20HH:mm%20VV", csv).get("errors").get(0);

        assertThat(error.get("line").asLong()).isEqualTo(3);
        assertThat(error.get("field").asString()).isEqualTo("timestamp");
        assertThat(error.get("reason").asString()).contains("does not exist in Europe/Paris")
                .contains("from 02:00 to 03:00");
        importCsv("?timestampFormat=yyyy-MM-dd%20HH:mm%20VV", csv.replace("02:30 Europe/Paris", "03:05 Europe/Paris"));
        assertThat(times("dst-1")).containsExactly(Instant.parse("2026-03-29T00:59:00Z"),
                Instant.parse("2026-03-29T01:05:00Z"), Instant.parse("2026-03-29T01:10:00Z"));
    }

    @Test
    void warnsOfColumnsWrittenLikeAFieldsColumnThatAreKeptAsAttributes() {
        JsonNode report = importCsv("", """
                journey_id,timestamp,touchpoint,Type,Customer ID, value ,campaign
                hc-1,2026-03-01T10:00:00Z,Home,,c-1,,spring
                hc-1,2026-03-01T10:05:00Z,Pay,purchase,c-1,12.50,spring
                """);

        JsonNode warning = warning(report, "column-not-read");
        assertThat(warning.get("count").asLong()).isEqualTo(3);
        assertThat(warning.get("message").asString()).contains("'Type' (the column read is 'type')",
                "'Customer ID' (the column read is 'customer_id')", "' value ' (the column read is 'value')",
                "customerColumn, typeColumn, valueColumn").doesNotContain("campaign");
        List<String> examples = new ArrayList<>();
        warning.get("examples").forEach(example -> examples.add(example.get("line").asLong() + ":"
                + example.get("field").asString() + "=" + example.get("value").asString()));
        assertThat(examples).containsExactly("2:Customer ID=c-1", "3:Type=purchase", "3: value =12.50");
        JsonNode journey = get("/api/journeys/hc-1").json();
        assertThat(journey.get("outcome").asString()).as("the file as read: no purchase").isEqualTo("ABANDONED");

        JsonNode exact = importCsv("", """
                journey_id,timestamp,touchpoint,type,customer_id,value,Campaign
                hc-2,2026-03-01T10:00:00Z,Home,,c-2,,spring
                hc-2,2026-03-01T10:05:00Z,Pay,purchase,c-2,12.50,spring
                """);
        assertThat(exact.get("warnings")).isEmpty();
        assertThat(get("/api/journeys/hc-2").json().get("outcome").asString()).isEqualTo("PURCHASE");
    }

    @Test
    void aHeaderWhoseNamesDifferInSpacesCaseOrDelimiterIsRefusedSayingSo() {
        JsonNode spaced = rejected("journey_id, timestamp, Touchpoint\nsp-1, 2026-03-01T10:00:00Z, Home\n")
                .get("errors").get(0);
        assertThat(spaced.get("line").asLong()).isEqualTo(1);
        assertThat(spaced.get("reason").asString()).contains("names match exactly, case and spaces included "
                + "(' Touchpoint' is not touchpoint, ' timestamp' is not timestamp)");

        JsonNode semicolons = rejected("journey_id;timestamp;touchpoint\nsc-1;2026-03-01T10:00:00Z;Home\n")
                .get("errors").get(0);
        assertThat(semicolons.get("reason").asString()).contains("the names are separated by ';': delimiter=; "
                + "reads them");

        JsonNode ndjson = rejectedNdjson("{\"journey_id\":\"nc-1\",\"Timestamp\":\"2026-03-01T10:00:00Z\","
                + "\"touchpoint\":\"Home\"}\n").get("errors").get(0);
        assertThat(ndjson.get("field").asString()).isEqualTo("timestamp");
        assertThat(ndjson.get("reason").asString()).isEqualTo("is missing: every event needs a timestamp (the row "
                + "has 'Timestamp', but names match exactly: timestampColumn names the column to read)");
    }

    @Test
    void pathCountsSentAsEventsAreRefusedNamingTheImportOfPathCounts() {
        // Headers and first rows of ChannelAttribution's Data.csv and fractribution's example_path_summary.csv.
        JsonNode channelAttribution = rejected("path;total_conversions;total_conversion_value;total_null\n"
                + "eta > iota > alpha > eta;1;0.244;3\n").get("errors").get(0);
        JsonNode fractribution = rejected("path,total_conversions,total_non_conversions\nB,596,36462\n")
                .get("errors").get(0);
        Response preview = post("/api/events/preview", "text/csv", "path,total_conversions,total_non_conversions\n"
                + "B,596,36462\n");

        String naming = "the columns path and total_conversions are those of path counts (ChannelAttribution, "
                + "fractribution), which the aggregated-paths import reads (POST /api/journeys/aggregated, or import "
                + "--aggregated)";
        assertThat(channelAttribution.get("reason").asString()).contains("delimiter=; reads them", naming);
        assertThat(fractribution.get("reason").asString()).contains(naming);
        assertThat(preview.status()).isEqualTo(400);
        assertThat(preview.json().get("detail").asString()).contains(naming);
    }

    private JsonNode rejectedNdjson(String ndjson) {
        String before = storeState();
        Response response = post("/api/events", "application/x-ndjson", ndjson);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(storeState()).isEqualTo(before);
        return response.json();
    }

    @Test
    void readsUtf16TextWithItsByteOrderMarkAndRefusesItWithoutOneSayingSo() {
        String csv = "journey_id\ttimestamp\ttouchpoint\r\nu16-1\t2026-03-01T10:00:00Z\tCaf\u00e9\r\n"
                + "u16-1\t2026-03-01T10:05:00Z\t\uD83D\uDED2 Cart\r\n";
        byte[] littleEndian = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, csv.getBytes(StandardCharsets.UTF_16LE));

        Response excel = postBytes("/api/events?delimiter=tab", CSV, littleEndian);
        Response bigEndian = postBytes("/api/events?delimiter=tab", CSV,
                csv.replace("u16-1", "u16-2").getBytes(StandardCharsets.UTF_16));

        assertThat(excel.status()).as(excel.body()).isEqualTo(200);
        assertThat(bigEndian.status()).as(bigEndian.body()).isEqualTo(200);
        assertThat(touchpoints("u16-1")).containsExactly("Caf\u00e9", "\uD83D\uDED2 Cart");
        assertThat(touchpoints("u16-2")).containsExactly("Caf\u00e9", "\uD83D\uDED2 Cart");
        String before = storeState();
        Response withoutMark = postBytes("/api/events?delimiter=tab", CSV, csv.replace("u16-1", "u16-3")
                .getBytes(StandardCharsets.UTF_16LE));
        assertThat(withoutMark.status()).isEqualTo(400);
        assertThat(withoutMark.json().get("errors").get(0).get("reason").asString()).contains("UTF-16")
                .doesNotContain("\u0000");
        assertThat(storeState()).isEqualTo(before);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void importsATrailingDelimiterOnEveryLineAndNamesItWhereOnlyTheRowsHaveOne() {
        importCsv("", "journey_id,timestamp,touchpoint,\r\ntd-1,2026-03-01T10:00:00Z,Home,\r\n"
                + "td-1,2026-03-01T10:05:00Z,Cart,\r\n");
        assertThat(touchpoints("td-1")).containsExactly("Home", "Cart");
        assertThat(get("/api/journeys/td-1").json().get("attributes")).isEmpty();

        JsonNode rows = rejected(HEADER + "td-2,2026-03-01T10:00:00Z,Home,\n").get("errors").get(0);
        assertThat(rows.get("reason").asString()).isEqualTo("has 4 fields where the header has 3 (its last field is "
                + "empty: a delimiter at the end of the line?)");
        JsonNode header = rejected("journey_id,timestamp,touchpoint,\ntd-3,2026-03-01T10:00:00Z,Home\n")
                .get("errors").get(0);
        assertThat(header.get("reason").asString()).contains("a delimiter at the end of the header line?");
    }

    @Test
    void keepsIdsWithLeadingZerosApartAndRefusesThemAsUnquotedNdjsonNumbers() {
        importCsv("", HEADER + "007,2026-03-01T10:00:00Z,Home\n7,2026-03-01T10:00:00Z,Cart\n");
        assertThat(touchpoints("007")).containsExactly("Home");
        assertThat(touchpoints("7")).containsExactly("Cart");

        JsonNode error = rejectedNdjson("{\"journey_id\":007,\"timestamp\":\"2026-03-01T10:00:00Z\","
                + "\"touchpoint\":\"Home\"}\n").get("errors").get(0);
        assertThat(error.get("reason").asString()).isEqualTo("is not a JSON object: a number with a leading zero "
                + "(007) is not JSON; write an id with leading zeros as a string, \"007\"");
    }

    @Test
    void aCompetitorNamedByAPageAddressWithAQueryStringIsThatPage() {
        // An analytics export names pages by their address; the competitor's has a query string, whose '?' makes the
        // rule a regular expression that does not match the '?' itself.
        String csv = """
                journey_id,timestamp,page_location
                cq-1,2026-05-04T10:00:00Z,https://shop.example/
                cq-1,2026-05-04T10:01:00Z,https://rival.example/?ref=shop
                cq-2,2026-05-04T10:00:00Z,https://shop.example/
                """;

        JsonNode report = importCsv("?touchpointColumn=page_location&competitor="
                + "https%3A%2F%2Frival.example%2F%3Fref%3Dshop", csv);

        assertThat(report.get("outcomeRules").get(0).get("matchedEvents").asLong()).as(report.toString())
                .isEqualTo(1);
        assertThat(report.get("warnings")).isEmpty();
        assertThat(get("/api/journeys/cq-1").json().get("outcome").asString()).isEqualTo("DIVERTED");
        assertThat(get("/api/journeys/cq-2").json().get("outcome").asString()).isEqualTo("ABANDONED");
    }

    @Test
    void warnsThatJourneysOfAShortExportAreOpenAndLeftOutOfTheAnalyses() {
        // A few days of a web shop's sessions, under the 30-day horizon: the visit that bought is finished, the
        // others may go on, and a purchase rate over the finished ones alone would be 100 %.
        String csv = """
                journey_id,timestamp,touchpoint,type
                wk-1,2026-05-04T10:00:00Z,/,
                wk-1,2026-05-04T10:02:00Z,/cart,
                wk-1,2026-05-04T10:03:00Z,purchase,purchase
                wk-2,2026-05-05T11:00:00Z,/,
                wk-3,2026-05-06T12:00:00Z,/product,
                """;

        JsonNode report = importCsv("?openHorizon=30d", csv);

        JsonNode warning = warning(report, "journeys-open");
        assertThat(warning.get("count").asLong()).isEqualTo(2);
        assertThat(warning.get("message").asString()).startsWith("2 of the 3 journeys written are open")
                .contains("openHorizon=0");
        assertThat(importCsv("?openHorizon=0", csv.replace("wk-", "wf-")).get("warnings")).isEmpty();

        // One open journey, of one or of several written, is said in the singular.
        String one = "journey_id,timestamp,touchpoint,type\none-1,2026-05-05T11:00:00Z,/,\n";
        assertThat(warning(importCsv("?openHorizon=30d", one), "journeys-open").get("message").asString())
                .startsWith("The journey written is open: without");
        String two = csv.replace("wk-", "w2-").lines().limit(5).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(warning(importCsv("?openHorizon=30d", two), "journeys-open").get("message").asString())
                .startsWith("1 of the 2 journeys written is open: without");
    }

    @Test
    void namesTheCommasAndBracketsOfAJsonArraySplitIntoLinesAsSuch() {
        String ndjson = """
                [
                {"journey_id":"ja-1","timestamp":"2026-03-01T10:00:00Z","touchpoint":"Home"},
                {"journey_id":"ja-1","timestamp":"2026-03-01T10:05:00Z","touchpoint":"Cart",}
                ]
                """;

        JsonNode errors = rejectedNdjson(ndjson).get("errors");

        List<String> reasons = new ArrayList<>();
        errors.forEach(error -> reasons.add(error.get("line").asLong() + " " + error.get("reason").asString()));
        assertThat(reasons).containsExactly(
                "1 is '[', part of a JSON array: NDJSON has one object per line, without brackets or commas around "
                        + "them",
                "2 has a comma after its object: NDJSON separates objects by line breaks alone, without commas",
                "3 is not a JSON object: a comma before a closing '}' or ']' (a trailing comma) is not JSON",
                "4 is ']', part of a JSON array: NDJSON has one object per line, without brackets or commas around "
                        + "them");
    }

    private static JsonNode warning(JsonNode report, String kind) {
        for (JsonNode warning : report.get("warnings")) {
            if (warning.get("kind").asString().equals(kind)) {
                return warning;
            }
        }
        throw new AssertionError("no " + kind + " warning in " + report);
    }

    /** Posts {@code csv} with {@code query}, expects a 200 report, and returns it. */
    private List<Instant> times(String journeyId) {
        List<Instant> times = new ArrayList<>();
        get("/api/journeys/" + journeyId).json().get("steps")
                .forEach(step -> times.add(Instant.parse(step.get("at").asString())));
        return times;
    }

    /** Posts {@code csv}, expects a 400 problem and an unchanged store, and returns the problem. */
    private JsonNode rejected(String csv) {
        return rejected("", csv);
    }

    /** Posts {@code csv} with {@code query}, expects a 400 problem and an unchanged store, and returns the problem. */
    private JsonNode rejected(String query, String csv) {
        String before = storeState();
        Response response = post("/api/events" + query, CSV, csv);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(storeState()).isEqualTo(before);
        return response.json();
    }

    private List<String> touchpoints(String journeyId) {
        List<String> names = new ArrayList<>();
        get("/api/journeys/" + journeyId).json().get("steps").forEach(s -> names.add(s.get("touchpoint").asString()));
        return names;
    }
}
