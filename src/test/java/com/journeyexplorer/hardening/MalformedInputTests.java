package com.journeyexplorer.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Hundreds of malformed (and a few odd but valid) inputs through both importers and the GET endpoints: each answer is
 * a 2xx or a 4xx problem, never a 5xx, and a rejected upload leaves the database and the projection as they were.
 * Generated cases use fixed seeds, so a failure reproduces.
 */
class MalformedInputTests extends ApiTestSupport {

    static final String EVENTS = "/api/events";
    static final String AGGREGATED = "/api/journeys/aggregated";
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    static final String HEADER = "journey_id,timestamp,touchpoint\n";

    /** What an input must produce: 200, or a 4xx problem with nothing written. */
    enum Expect { VALID, INVALID }

    record Upload(String name, String path, String contentType, byte[] body, Expect expect) {
        static Upload of(String name, String path, String contentType, String body, Expect expect) {
            return new Upload(name, path, contentType, body.getBytes(StandardCharsets.UTF_8), expect);
        }
    }

    @TestFactory
    Stream<DynamicTest> eventUploads() {
        return Stream.of(handWrittenEvents(), timestamps(), generatedEvents()).flatMap(List::stream)
                .map(this::check);
    }

    @TestFactory
    Stream<DynamicTest> aggregatedUploads() {
        return Stream.of(handWrittenAggregated(), generatedAggregated()).flatMap(List::stream).map(this::check);
    }

    @TestFactory
    Stream<DynamicTest> malformedQueryParameters() {
        return queryCases().stream().map(bad -> dynamicTest("GET " + abbreviate(bad.query(), 120), () -> {
            Response response = get(bad.query());
            assertThat(response.status()).as(abbreviate(response.body())).isEqualTo(bad.status());
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("detail").asString()).isNotBlank();
            if (bad.field() == null) {
                assertThat(problem.get("detail").asString()).contains(bad.named());
            } else {
                assertThat(problem.get(bad.field())).as("%s in %s", bad.field(), abbreviate(response.body()))
                        .isNotNull();
                assertThat(problem.get(bad.field()).asString()).isEqualTo(bad.named());
                assertThat(problem.get("detail").asString()).contains("'" + bad.named() + "'");
            }
        }));
    }

    @Test
    void storesFormulaInjectionAndSeparatorsInNamesAsPlainText() {
        List<String> names = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0",
                "-2+3", "@SUM(A1:A9)", "\tTabbed", "Home > Shop > Cart", "a;b,c|d", "=1+1");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < names.size(); i++) {
            csv.append("formula-1,2026-03-01T10:0").append(i).append(":00Z,\"")
                    .append(names.get(i).replace("\"", "\"\"")).append("\"\n");
        }

        Response response = post(EVENTS, CSV, csv.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> stored = new ArrayList<>();
        get("/api/journeys/formula-1").json().get("steps").forEach(s -> stored.add(s.get("touchpoint").asString()));
        assertThat(stored).containsExactlyElementsOf(names.stream().map(String::strip).toList());
    }

    @Test
    void anAggregatedCountBeyondTheLimitNamesItsOwnColumn() {
        String header = "path;total_conversions;total_conversion_value;total_null\n";

        Response nulls = post(AGGREGATED, CSV, header + "A > B;1;0;3000000000\n");

        assertThat(nulls.status()).as(nulls.body()).isEqualTo(400);
        assertThat(nulls.json().get("errors").get(0).get("field").asString()).isEqualTo("total_null");
        Response conversions = post(AGGREGATED, CSV, header + "A > B;3000000000;0;1\n");
        assertThat(conversions.json().get("errors").get(0).get("field").asString()).isEqualTo("total_conversions");
    }

    @Test
    void acceptsAJourneyOfExactlyTheLimitAndRejectsOneEventMore() {
        String before = storeState();
        Response tooLong = postBytes(EVENTS, CSV, longJourney("long-2", 100_001));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.body()).contains("100000");
        assertThat(storeState()).isEqualTo(before);

        Response longest = postBytes(EVENTS, CSV, longJourney("long-1", 100_000));
        assertThat(longest.status()).as(longest.body()).isEqualTo(200);
        JsonNode journey = get("/api/journeys/long-1").json();
        assertThat(journey.get("steps").size()).isEqualTo(100_000);
    }

    private static byte[] longJourney(String id, int events) {
        StringBuilder csv = new StringBuilder(HEADER);
        long start = 1_772_359_200_000L;
        for (int i = 0; i < events; i++) {
            csv.append(id).append(',').append(start + i * 1000L).append(",Step ").append(i % 50).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private DynamicTest check(Upload upload) {
        return dynamicTest(upload.name(), () -> {
            String before = storeState();
            Response response = postBytes(upload.path(), upload.contentType(), upload.body());
            assertThat(response.status()).as("%s: %s", upload.name(), abbreviate(response.body())).isLessThan(500);
            String reason = upload.name() + ": " + abbreviate(response.body());
            if (response.status() >= 400) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(storeState()).as("unchanged after a rejected upload").isEqualTo(before);
            } else {
                assertThat(response.status()).isBetween(200, 299);
            }
            switch (upload.expect()) {
                case VALID -> assertThat(response.status()).as(reason).isEqualTo(200);
                case INVALID -> assertThat(response.status()).as(reason).isBetween(400, 499);
            }
        });
    }

    private static String abbreviate(String body) {
        return abbreviate(body, 600);
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "...";
    }

    // ----- events: hand-written -----

    static List<Upload> handWrittenEvents() {
        List<Upload> cases = new ArrayList<>();
        String valid = HEADER + "hw-%s,2026-03-01T10:00:00Z,Home\nhw-%s,2026-03-01T10:05:00Z,Cart\n";
        cases.add(Upload.of("empty body", EVENTS, CSV, "", Expect.INVALID));
        cases.add(Upload.of("header only", EVENTS, CSV, HEADER, Expect.INVALID));
        cases.add(Upload.of("blank lines only", EVENTS, CSV, "\n\n\r\n", Expect.INVALID));
        cases.add(Upload.of("BOM then valid CSV", EVENTS, CSV, "\uFEFF" + valid.formatted("bom", "bom"), Expect.VALID));
        cases.add(Upload.of("double BOM", EVENTS, CSV, "\uFEFF\uFEFF" + valid.formatted("bom2", "bom2"),
                Expect.INVALID));
        cases.add(Upload.of("CRLF line endings", EVENTS, CSV, valid.formatted("crlf", "crlf").replace("\n", "\r\n"),
                Expect.VALID));
        cases.add(Upload.of("CR line endings", EVENTS, CSV, valid.formatted("cr", "cr").replace("\n", "\r"),
                Expect.VALID));
        cases.add(Upload.of("mixed line endings", EVENTS, CSV, "journey_id,timestamp,touchpoint\r\nmix-1,"
                + "2026-03-01T10:00:00Z,Home\rmix-1,2026-03-01T10:01:00Z,Cart\nmix-1,2026-03-01T10:02:00Z,Pay\r\n",
                Expect.VALID));
        cases.add(Upload.of("no final newline", EVENTS, CSV, valid.formatted("nofinal", "nofinal").strip(),
                Expect.VALID));
        cases.add(Upload.of("quoted newline in a name", EVENTS, CSV, HEADER
                + "qn-1,2026-03-01T10:00:00Z,\"Product\npage\"\n", Expect.VALID));
        cases.add(Upload.of("quoted delimiter and quotes in a name", EVENTS, CSV, HEADER
                + "qd-1,2026-03-01T10:00:00Z,\"Say \"\"hi\"\", then, leave\"\n", Expect.VALID));
        cases.add(Upload.of("unterminated quote", EVENTS, CSV, HEADER + "uq-1,2026-03-01T10:00:00Z,\"Home\n"
                + "uq-1,2026-03-01T10:05:00Z,Cart\n", Expect.INVALID));
        // A quote inside an unquoted field is kept as a character, as spreadsheet tools read it.
        cases.add(Upload.of("quote in the middle of a field", EVENTS, CSV, HEADER
                + "mq-1,2026-03-01T10:00:00Z,Ho\"me\n", Expect.VALID));
        cases.add(Upload.of("text after a closing quote", EVENTS, CSV, HEADER
                + "tq-1,2026-03-01T10:00:00Z,\"Home\"x\n", Expect.INVALID));
        cases.add(Upload.of("semicolons with the default delimiter", EVENTS, CSV,
                "journey_id;timestamp;touchpoint\nsc-1;2026-03-01T10:00:00Z;Home\n", Expect.INVALID));
        cases.add(Upload.of("semicolons with delimiter=;", EVENTS + "?delimiter=;", CSV,
                "journey_id;timestamp;touchpoint\nsc-2;2026-03-01T10:00:00Z;Home\n", Expect.VALID));
        cases.add(Upload.of("tabs with delimiter=tab", EVENTS + "?delimiter=tab", CSV,
                "journey_id\ttimestamp\ttouchpoint\ntab-1\t2026-03-01T10:00:00Z\tHome\n", Expect.VALID));
        cases.add(Upload.of("tabs with the default delimiter", EVENTS, CSV,
                "journey_id\ttimestamp\ttouchpoint\ntab-2\t2026-03-01T10:00:00Z\tHome\n", Expect.INVALID));
        cases.add(Upload.of("commas with delimiter=|", EVENTS + "?delimiter=%7C", CSV, valid.formatted("p", "p"),
                Expect.INVALID));
        cases.add(Upload.of("delimiter parameter of two characters", EVENTS + "?delimiter=ab", CSV,
                valid.formatted("d2", "d2"), Expect.INVALID));
        cases.add(Upload.of("delimiter parameter is a quote", EVENTS + "?delimiter=%22", CSV,
                valid.formatted("dq", "dq"), Expect.INVALID));
        cases.add(Upload.of("duplicate header", EVENTS, CSV,
                "journey_id,timestamp,touchpoint,touchpoint\ndup-1,2026-03-01T10:00:00Z,Home,Cart\n", Expect.INVALID));
        cases.add(Upload.of("missing header (data first)", EVENTS, CSV,
                "mh-1,2026-03-01T10:00:00Z,Home\nmh-1,2026-03-01T10:05:00Z,Cart\n", Expect.INVALID));
        cases.add(Upload.of("header without timestamp", EVENTS, CSV, "journey_id,touchpoint\nnt-1,Home\n",
                Expect.INVALID));
        cases.add(Upload.of("header without touchpoint", EVENTS, CSV, "journey_id,timestamp\nnt-2,2026-03-01\n",
                Expect.INVALID));
        cases.add(Upload.of("empty column name", EVENTS, CSV,
                "journey_id,timestamp,touchpoint,\nec-1,2026-03-01T10:00:00Z,Home,x\n", Expect.VALID));
        cases.add(Upload.of("extra columns become attributes", EVENTS, CSV,
                "journey_id,timestamp,touchpoint,campaign,notes\nex-1,2026-03-01T10:00:00Z,Home,spring,\"a,b\"\n",
                Expect.VALID));
        cases.add(Upload.of("row with too few fields", EVENTS, CSV, HEADER + "few-1,2026-03-01T10:00:00Z\n",
                Expect.INVALID));
        cases.add(Upload.of("row with too many fields", EVENTS, CSV, HEADER + "many-1,2026-03-01T10:00:00Z,Home,x\n",
                Expect.INVALID));
        cases.add(Upload.of("bad rows skipped with onError=skip", EVENTS + "?onError=skip", CSV, HEADER
                + "skip-1,2026-03-01T10:00:00Z,Home\nskip-1,never,Cart\n", Expect.VALID));
        // Skipping every row is a successful import of nothing; the report lists the bad row.
        cases.add(Upload.of("only bad rows with onError=skip", EVENTS + "?onError=skip", CSV, HEADER
                + "skip-2,never,Cart\n", Expect.VALID));
        cases.add(Upload.of("onError=maybe", EVENTS + "?onError=maybe", CSV, valid.formatted("oe", "oe"),
                Expect.INVALID));
        cases.add(Upload.of("sessionGap=soon", EVENTS + "?sessionGap=soon", CSV, valid.formatted("sg", "sg"),
                Expect.INVALID));
        cases.add(Upload.of("sessionGap=-5m", EVENTS + "?sessionGap=-5m", CSV, valid.formatted("sg2", "sg2"),
                Expect.INVALID));
        cases.add(Upload.of("sessionGap=PT0S", EVENTS + "?sessionGap=PT0S", CSV, valid.formatted("sg3", "sg3"),
                Expect.INVALID));
        cases.add(Upload.of("sessionGap beyond any duration", EVENTS + "?sessionGap=9999999999999999999d", CSV,
                valid.formatted("sg4", "sg4"), Expect.INVALID));
        cases.add(Upload.of("competitor regex that does not compile", EVENTS + "?competitor=%5B", CSV,
                valid.formatted("cr", "cr"), Expect.INVALID));
        cases.add(Upload.of("column mapping to a missing column", EVENTS + "?touchpointColumn=page", CSV,
                valid.formatted("cm", "cm"), Expect.INVALID));
        cases.add(Upload.of("empty touchpoint", EVENTS, CSV, HEADER + "et-1,2026-03-01T10:00:00Z,\n", Expect.INVALID));
        cases.add(Upload.of("blank touchpoint", EVENTS, CSV, HEADER + "et-2,2026-03-01T10:00:00Z,   \n",
                Expect.INVALID));
        cases.add(Upload.of("no journey id and no customer", EVENTS, CSV, HEADER + ",2026-03-01T10:00:00Z,Home\n",
                Expect.INVALID));
        cases.add(Upload.of("reserved name (start)", EVENTS, CSV, HEADER + "rs-1,2026-03-01T10:00:00Z,(start)\n",
                Expect.INVALID));
        cases.add(Upload.of("touchpoint of 500 characters", EVENTS, CSV, HEADER + "len-1,2026-03-01T10:00:00Z,"
                + "x".repeat(500) + "\n", Expect.VALID));
        cases.add(Upload.of("touchpoint of 501 characters", EVENTS, CSV, HEADER + "len-2,2026-03-01T10:00:00Z,"
                + "x".repeat(501) + "\n", Expect.INVALID));
        cases.add(Upload.of("journey id of 501 characters", EVENTS, CSV, HEADER + "j".repeat(501)
                + ",2026-03-01T10:00:00Z,Home\n", Expect.INVALID));
        cases.add(Upload.of("a 10 MB line", EVENTS, CSV, HEADER + "huge-1,2026-03-01T10:00:00Z,"
                + "y".repeat(10 * 1024 * 1024) + "\n", Expect.INVALID));
        cases.add(Upload.of("a 1 MB quoted field with newlines", EVENTS, CSV, HEADER + "huge-2,2026-03-01T10:00:00Z,\""
                + "z\n".repeat(512 * 1024) + "\"\n", Expect.INVALID));
        // An extra column's value is a journey attribute, at most 10,000 characters.
        cases.add(Upload.of("a 5 MB extra column", EVENTS, CSV, "journey_id,timestamp,touchpoint,notes\nhuge-3,"
                + "2026-03-01T10:00:00Z,Home," + "n".repeat(5 * 1024 * 1024) + "\n", Expect.INVALID));
        cases.add(Upload.of("an extra column of 10,000 characters", EVENTS, CSV, "journey_id,timestamp,touchpoint,notes\n"
                + "huge-4,2026-03-01T10:00:00Z,Home," + "n".repeat(10_000) + "\n", Expect.VALID));
        cases.add(Upload.of("100,000 header columns", EVENTS, CSV, HEADER.strip() + ",c".repeat(100_000)
                + "\n", Expect.INVALID));
        // Names cannot hold control characters that XML 1.0 (the GraphML and GEXF exports) cannot.
        cases.add(Upload.of("NUL and control characters in a name", EVENTS, CSV, HEADER
                + "ctl-1,2026-03-01T10:00:00Z,Ho\u0000me\u0007\u001b[31m\n", Expect.INVALID));
        cases.add(Upload.of("escape character in a channel", EVENTS, CSV, "journey_id,timestamp,touchpoint,channel\n"
                + "ctl-2,2026-03-01T10:00:00Z,Home,\u001b[31mweb\n", Expect.INVALID));
        cases.add(Upload.of("tab inside a name", EVENTS, CSV, HEADER + "ctl-3,2026-03-01T10:00:00Z,\"Ho\tme\"\n",
                Expect.VALID));
        cases.add(Upload.of("emoji, right-to-left and combining marks", EVENTS, CSV, HEADER
                + "uni-1,2026-03-01T10:00:00Z,Caf\u00e9 \uD83D\uDED2 \u202Eevil\u202C e\u0301\n", Expect.VALID));
        cases.add(new Upload("Latin-1 text", EVENTS, CSV, (HEADER + "lat-1,2026-03-01T10:00:00Z,Caf\u00e9\n")
                .getBytes(StandardCharsets.ISO_8859_1), Expect.INVALID));
        cases.add(new Upload("UTF-16 text with BOM", EVENTS, CSV, (HEADER + "u16-1,2026-03-01T10:00:00Z,Home\n")
                .getBytes(StandardCharsets.UTF_16), Expect.VALID));
        cases.add(new Upload("UTF-16 text without BOM", EVENTS, CSV, (HEADER + "u16-2,2026-03-01T10:00:00Z,Home\n")
                .getBytes(StandardCharsets.UTF_16LE), Expect.INVALID));
        cases.add(new Upload("encoded lone surrogate", EVENTS, CSV, concat(HEADER + "sur-1,2026-03-01T10:00:00Z,A",
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\n"), Expect.INVALID));
        cases.add(new Upload("overlong UTF-8 encoding", EVENTS, CSV, concat(HEADER + "ovl-1,2026-03-01T10:00:00Z,A",
                new byte[] {(byte) 0xC0, (byte) 0xAF}, "\n"), Expect.INVALID));
        cases.add(new Upload("UTF-8 cut inside a character at the end", EVENTS, CSV,
                concat(HEADER + "cut-1,2026-03-01T10:00:00Z,Caf", new byte[] {(byte) 0xC3}, ""), Expect.INVALID));
        cases.add(new Upload("non-UTF-8 header", EVENTS, CSV, concat("journey_id,timestamp,touchpoint",
                new byte[] {(byte) 0xFF}, "\nh-1,2026-03-01T10:00:00Z,Home\n"), Expect.INVALID));
        cases.add(Upload.of("JSON array sent as CSV", EVENTS, CSV,
                "[{\"journey_id\":\"js-1\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":\"Home\"}]",
                Expect.INVALID));
        cases.add(Upload.of("NDJSON sent as CSV", EVENTS, CSV,
                "{\"journey_id\":\"js-2\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":\"Home\"}\n",
                Expect.INVALID));
        cases.add(Upload.of("CSV sent as NDJSON", EVENTS, NDJSON, valid.formatted("cj", "cj"), Expect.INVALID));
        cases.add(Upload.of("XML", EVENTS, "application/xml", "<events><event/></events>", Expect.INVALID));
        cases.add(Upload.of("multipart form", EVENTS, "multipart/form-data; boundary=x", "--x--", Expect.INVALID));
        cases.add(Upload.of("charset parameter is ignored", EVENTS, "text/csv; charset=ISO-8859-1",
                valid.formatted("cs", "cs"), Expect.VALID));
        cases.add(Upload.of("invalid type", EVENTS, CSV, "journey_id,timestamp,touchpoint,type\n"
                + "ty-1,2026-03-01T10:00:00Z,Home,buy\n", Expect.INVALID));
        cases.add(Upload.of("invalid owner", EVENTS, CSV, "journey_id,timestamp,touchpoint,owner\n"
                + "ow-1,2026-03-01T10:00:00Z,Home,rival\n", Expect.INVALID));
        for (String value : List.of("NaN", "Infinity", "-Infinity", "1e400", "0x1F", "12,5", "€12", "1_000")) {
            cases.add(Upload.of("value " + value, EVENTS, CSV, "journey_id,timestamp,touchpoint,value\n"
                    + "val-1,2026-03-01T10:00:00Z,Home,\"" + value + "\"\n", Expect.INVALID));
        }
        cases.add(Upload.of("huge but finite value", EVENTS, CSV, "journey_id,timestamp,touchpoint,value,type\n"
                + "val-2,2026-03-01T10:00:00Z,Pay,1e308,purchase\n", Expect.VALID));
        // NDJSON
        cases.add(Upload.of("NDJSON valid with blank lines", EVENTS, NDJSON,
                "\n{\"journey_id\":\"nd-1\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":\"Home\"}\n\n",
                Expect.VALID));
        cases.add(Upload.of("NDJSON truncated object", EVENTS, NDJSON,
                "{\"journey_id\":\"nd-2\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touch", Expect.INVALID));
        cases.add(Upload.of("NDJSON array line", EVENTS, NDJSON, "[1,2,3]\n", Expect.INVALID));
        cases.add(Upload.of("NDJSON pretty-printed object", EVENTS, NDJSON,
                "{\n \"journey_id\": \"nd-3\",\n \"timestamp\": \"2026-03-01T10:00:00Z\",\n \"touchpoint\": \"Home\"\n}\n",
                Expect.INVALID));
        cases.add(Upload.of("NDJSON one JSON array of objects", EVENTS, NDJSON,
                "[{\"journey_id\":\"nd-4\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":\"Home\"}]\n",
                Expect.INVALID));
        cases.add(Upload.of("NDJSON null touchpoint", EVENTS, NDJSON,
                "{\"journey_id\":\"nd-5\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":null}\n",
                Expect.INVALID));
        cases.add(Upload.of("NDJSON object as touchpoint", EVENTS, NDJSON,
                "{\"journey_id\":\"nd-6\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":{\"a\":[1,2]}}\n",
                Expect.INVALID)); // a field is a string (or a number), not a touchpoint named {"a":[1,2]}
        cases.add(Upload.of("NDJSON array as journey id", EVENTS, NDJSON,
                "{\"journey_id\":[\"nd-6\"],\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":\"Home\"}\n",
                Expect.INVALID));
        cases.add(Upload.of("NDJSON boolean as name", EVENTS, NDJSON,
                "{\"journey_id\":\"nd-7\",\"timestamp\":1772359200000,\"touchpoint\":true}\n", Expect.INVALID));
        cases.add(Upload.of("NDJSON numbers as names", EVENTS, NDJSON,
                "{\"journey_id\":7,\"timestamp\":1772359200000,\"touchpoint\":8}\n", Expect.VALID));
        cases.add(Upload.of("NDJSON duplicate keys", EVENTS, NDJSON,
                "{\"journey_id\":\"nd-8\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":\"A\",\"touchpoint\":\"B\"}\n",
                Expect.INVALID)); // JSON leaves the value of a repeated key undefined
        cases.add(Upload.of("NDJSON nested 100,000 deep", EVENTS, NDJSON, "[".repeat(100_000) + "\n",
                Expect.INVALID));
        cases.add(Upload.of("NDJSON number with 100,000 digits", EVENTS, NDJSON, "{\"journey_id\":\"nd-9\","
                + "\"timestamp\":" + "9".repeat(100_000) + ",\"touchpoint\":\"Home\"}\n", Expect.INVALID));
        cases.add(Upload.of("NDJSON string of 10 MB", EVENTS, NDJSON, "{\"journey_id\":\"nd-10\",\"timestamp\":"
                + "\"2026-03-01T10:00:00Z\",\"touchpoint\":\"" + "s".repeat(10 * 1024 * 1024) + "\"}\n",
                Expect.INVALID));
        cases.add(Upload.of("NDJSON trailing garbage", EVENTS, NDJSON,
                "{\"journey_id\":\"nd-11\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":\"Home\"} xyz\n",
                Expect.INVALID));
        cases.add(Upload.of("NDJSON comments", EVENTS, NDJSON, "// comment\n/* c */\n", Expect.INVALID));
        cases.add(Upload.of("NDJSON bare scalars", EVENTS, NDJSON, "1\n\"text\"\nnull\ntrue\n", Expect.INVALID));
        return cases;
    }

    /**
     * One row per timestamp form: offsets from -12:00 to +14:00, pre-1970, far future, and broken ones. Accepted: the
     * ISO-8601 forms the README names, and epoch numbers in ASCII digits (seconds, milliseconds, microseconds or
     * nanoseconds by magnitude, up to the largest long), in the years 0001 to 9999.
     */
    static List<Upload> timestamps() {
        List<Upload> cases = new ArrayList<>();
        String[][] forms = {
                {"2026-03-01T10:00:00Z", "VALID"}, {"2026-03-01t10:00:00z", "VALID"},
                {"2026-03-01T10:00:00+14:00", "VALID"}, {"2026-03-01T10:00:00-12:00", "VALID"},
                {"2026-03-01T10:00:00+05:45", "VALID"}, {"2026-03-01T10:00:00+0530", "VALID"},
                {"2026-03-01T10:00:00+09", "VALID"}, {"2026-03-01T10:00:00-03:30", "VALID"},
                {"2026-03-01 10:00:00", "VALID"}, {"2026-03-01 10:00:00 +01:00", "VALID"},
                {"2026-03-01T10:00", "VALID"}, {"2026-03-01", "VALID"},
                {"2026-03-01T10:00:00.123456789Z", "VALID"}, {"2026-03-01T10:00:00,5Z", "INVALID"},
                {"1969-12-31T23:59:59Z", "VALID"}, {"1900-01-01T00:00:00Z", "VALID"},
                {"1066-10-14T09:00:00Z", "VALID"}, {"0001-01-01T00:00:00Z", "VALID"},
                {"2999-12-31T23:59:59Z", "VALID"}, {"9999-12-31T23:59:59.999Z", "VALID"},
                {"+10000-01-01T00:00:00Z", "INVALID"}, {"-0001-01-01T00:00:00Z", "INVALID"},
                {"0", "VALID"}, {"-1", "VALID"}, {"-62135596800000", "VALID"}, {"99999999999999", "VALID"},
                {"253402300800000", "VALID"}, {"1772359200000000", "VALID"}, {"1772359200000000000", "VALID"},
                {"9223372036854775807", "VALID"}, {"9223372036854775808", "INVALID"},
                {"-9223372036854775808", "INVALID"}, {"-62135596800001", "INVALID"},
                {"99999999999999999999", "INVALID"}, {"1.7723592E12", "VALID"}, {"+1772359200000", "INVALID"},
                {"2026-02-30T00:00:00Z", "INVALID"}, {"2026-13-01T00:00:00Z", "INVALID"},
                {"2026-03-01T25:00:00Z", "INVALID"}, {"2026-03-01T10:60:00Z", "INVALID"},
                {"2026-03-01T10:00:00+18:01", "INVALID"}, {"2026-03-01T10:00:00 Europe/Paris", "INVALID"},
                {"2026-03-01T10:00:00[Europe/Paris]", "VALID"}, {"Sun, 01 Mar 2026 10:00:00 GMT", "INVALID"},
                {"2026-03-01T10:00+01:00[Europe/Paris]", "VALID"}, {"2026-03-01T10:00+05:00[Europe/Paris]", "INVALID"},
                {"2026-07-01T10:00+01:00[Europe/Paris]", "INVALID"}, {"2026-10-25T02:30+01:00[Europe/Paris]", "VALID"},
                {"03/01/2026 10:00", "INVALID"}, {"yesterday", "INVALID"}, {"-", "INVALID"},
                {"\u0662\u0660\u0662\u0666", "INVALID"}, {"2026-03-01T10:00:00Z\u0000", "INVALID"},
                {" 2026-03-01T10:00:00Z\t", "VALID"}};
        int i = 0;
        for (String[] form : forms) {
            String id = "ts-" + (i++);
            cases.add(Upload.of("timestamp " + form[0], EVENTS, CSV, HEADER + id + ",\"" + form[0] + "\",Home\n"
                    + id + ",2026-03-01T10:00:00Z,Cart\n", Expect.valueOf(form[1])));
        }
        cases.add(Upload.of("many zones in one journey, ordered by instant", EVENTS, CSV, HEADER
                + "zones-1,2026-03-01T10:00:00+14:00,Third\nzones-1,2026-02-28T10:00:00-12:00,Fourth\n"
                + "zones-1,2026-03-01T00:00:00+05:45,Second\nzones-1,2026-02-28T00:00:00Z,First\n", Expect.VALID));
        return cases;
    }

    // ----- events: generated -----

    /**
     * Seeded random inputs, each with a decided answer. Random bytes and random characters after a header cannot hold
     * the required columns or a well-formed row: invalid. A truncated file is valid exactly when the cut leaves whole
     * rows (see {@link #truncatedCsv} and {@link #truncatedNdjson}). Of the randomly edited files, the edits of two
     * leave every row valid (named in {@link #EDITS_THAT_KEEP_THE_FILE_VALID}); every other edit set breaks a row.
     */
    static List<Upload> generatedEvents() {
        List<Upload> cases = new ArrayList<>();
        Random random = new Random(20_261_123L);
        int[] sizes = {1, 2, 3, 17, 255, 4096, 65_537, 500_000};
        for (int i = 0; i < 24; i++) {
            byte[] bytes = new byte[sizes[i % sizes.length]];
            random.nextBytes(bytes);
            cases.add(new Upload("random bytes #" + i + " (" + bytes.length + " B) as CSV", EVENTS, CSV, bytes,
                    Expect.INVALID));
        }
        for (int i = 0; i < 12; i++) {
            byte[] bytes = new byte[sizes[i % sizes.length]];
            random.nextBytes(bytes);
            cases.add(new Upload("random bytes #" + i + " (" + bytes.length + " B) as NDJSON", EVENTS, NDJSON, bytes,
                    Expect.INVALID));
        }
        for (int i = 0; i < 12; i++) {
            byte[] bytes = new byte[sizes[i % sizes.length]];
            random.nextBytes(bytes);
            cases.add(new Upload("header then random bytes #" + i, EVENTS, CSV, concat(HEADER, bytes, ""),
                    Expect.INVALID));
        }
        String alphabet = "ab,,,\"\"\n\r\t;|\\ 0129:-TZ+\u00e9\uFEFF";
        for (int i = 0; i < 16; i++) {
            StringBuilder text = new StringBuilder(HEADER);
            int length = 10 + random.nextInt(3000);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cases.add(Upload.of("header then random CSV characters #" + i, EVENTS, CSV, text.toString(),
                    Expect.INVALID));
        }
        String base = validCsv("gen", 6, 5);
        for (int i = 0; i < 20; i++) {
            int cut = 1 + random.nextInt(base.length() - 1);
            String text = base.substring(0, cut).replace("gen-", "cut" + i + "-");
            cases.add(Upload.of("valid CSV truncated at " + cut + " of " + base.length(), EVENTS, CSV, text,
                    truncatedCsv(text)));
        }
        for (int i = 0; i < 24; i++) {
            char[] chars = base.replace("gen-", "mut" + i + "-").toCharArray();
            int edits = 1 + random.nextInt(4);
            List<String> described = new ArrayList<>();
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(chars.length);
                char was = chars[at];
                chars[at] = ",\"\n;:x \r\u0000".charAt(random.nextInt(9));
                described.add(String.format(Locale.ROOT, "%d:U+%04X>U+%04X", at, (int) was, (int) chars[at]));
            }
            cases.add(Upload.of("valid CSV with random edits #" + i + " " + described, EVENTS, CSV,
                    new String(chars), EDITS_THAT_KEEP_THE_FILE_VALID.contains(i) ? Expect.VALID : Expect.INVALID));
        }
        String ndjson = validNdjson("gnd", 4, 4);
        for (int i = 0; i < 10; i++) {
            int cut = 1 + random.nextInt(ndjson.length() - 1);
            String text = ndjson.substring(0, cut).replace("gnd-", "ndcut" + i + "-");
            cases.add(Upload.of("valid NDJSON truncated at " + cut, EVENTS, NDJSON, text, truncatedNdjson(text)));
        }
        return cases;
    }

    /**
     * The random edit sets (by number) that leave every row of {@link #validCsv} valid: #1 turns the space of a quoted
     * {@code "Page, 2"} into a comma (still one quoted name), #10 a letter of the header's {@code channel} into a space
     * (the column becomes a journey attribute). The names of the cases list each edit as position:old>new.
     */
    static final Set<Integer> EDITS_THAT_KEEP_THE_FILE_VALID = Set.of(1, 10);

    /**
     * A prefix of {@link #validCsv}: valid when it ends at a line break after at least one row, or inside the last
     * field (the value, which may be empty); invalid when the header is cut, no row follows it, or the last row lacks
     * fields or ends inside a quoted name.
     */
    static Expect truncatedCsv(String text) {
        int headerEnd = text.indexOf('\n');
        if (headerEnd < 0 || headerEnd == text.length() - 1) {
            return Expect.INVALID;
        }
        String last = text.substring(text.lastIndexOf('\n') + 1);
        if (last.isEmpty()) {
            return Expect.VALID;
        }
        int separators = 0;
        boolean quoted = false;
        for (char c : last.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                separators++;
            }
        }
        return separators == 4 && !quoted ? Expect.VALID : Expect.INVALID;
    }

    /** A prefix of {@link #validNdjson}: valid when its last line is empty or a whole object. */
    static Expect truncatedNdjson(String text) {
        String last = text.substring(text.lastIndexOf('\n') + 1);
        return last.isEmpty() || last.endsWith("}") ? Expect.VALID : Expect.INVALID;
    }

    static String validCsv(String prefix, int journeys, int steps) {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint,channel,value\n");
        for (int j = 0; j < journeys; j++) {
            for (int s = 0; s < steps; s++) {
                csv.append(prefix).append('-').append(j).append(",2026-03-0").append(1 + s).append("T10:00:00Z,")
                        .append(s % 2 == 0 ? "\"Page, " + s + "\"" : "Ad " + s).append(",web,").append(s)
                        .append('\n');
            }
        }
        return csv.toString();
    }

    static String validNdjson(String prefix, int journeys, int steps) {
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < journeys; j++) {
            for (int s = 0; s < steps; s++) {
                out.append("{\"journey_id\":\"").append(prefix).append('-').append(j)
                        .append("\",\"timestamp\":\"2026-03-0").append(1 + s).append("T10:00:00Z\",\"touchpoint\":\"")
                        .append("Step ").append(s).append("\"}\n");
            }
        }
        return out.toString();
    }

    // ----- aggregated paths -----

    static List<Upload> handWrittenAggregated() {
        List<Upload> cases = new ArrayList<>();
        String header = "path;total_conversions;total_conversion_value;total_null\n";
        cases.add(Upload.of("aggregated valid", AGGREGATED + "?source=ok", CSV, header + "A > B;3;30;1\n",
                Expect.VALID));
        cases.add(Upload.of("aggregated empty", AGGREGATED, CSV, "", Expect.INVALID));
        cases.add(Upload.of("aggregated header only", AGGREGATED, CSV, header, Expect.INVALID));
        cases.add(Upload.of("aggregated all counts zero (empty journeys)", AGGREGATED, CSV, header + "A > B;0;0;0\n",
                Expect.INVALID));
        cases.add(Upload.of("aggregated missing conversions column", AGGREGATED, CSV, "path;total_null\nA > B;3\n",
                Expect.INVALID));
        cases.add(Upload.of("aggregated negative count", AGGREGATED, CSV, header + "A > B;-3;0;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated fractional count", AGGREGATED, CSV, header + "A > B;1.5;0;0\n",
                Expect.INVALID));
        cases.add(Upload.of("aggregated count beyond int", AGGREGATED, CSV, header + "A > B;99999999999;0;0\n",
                Expect.INVALID));
        cases.add(Upload.of("aggregated count beyond long", AGGREGATED, CSV,
                header + "A > B;999999999999999999999;0;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated counts summing beyond int", AGGREGATED, CSV,
                header + "A > B;2000000000;0;0\nA>B;2000000000;0;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated empty path", AGGREGATED, CSV, header + ";3;0;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated separator only", AGGREGATED, CSV, header + ">;3;0;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated empty step", AGGREGATED, CSV, header + "A >  > B;3;0;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated reserved step name", AGGREGATED, CSV, header + "A > (start);3;0;0\n",
                Expect.INVALID));
        cases.add(Upload.of("aggregated reserved outcome name", AGGREGATED, CSV, header + "A > (purchase);3;0;0\n",
                Expect.INVALID));
        cases.add(Upload.of("aggregated reserved conversion touchpoint", AGGREGATED + "?conversionTouchpoint=(start)",
                CSV, header + "A > B;3;0;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated step with a NUL character", AGGREGATED, CSV, header + "A > B\u0000;3;0;0\n",
                Expect.INVALID));
        cases.add(Upload.of("aggregated step of 501 characters", AGGREGATED, CSV,
                header + "A > " + "s".repeat(501) + ";3;0;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated path of 10 MB", AGGREGATED, CSV,
                header + "A > ".repeat(2_500_000) + "B;3;0;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated negative value", AGGREGATED, CSV, header + "A > B;3;-1;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated NaN value", AGGREGATED, CSV, header + "A > B;3;NaN;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated too few fields", AGGREGATED, CSV, header + "A > B;3\n", Expect.INVALID));
        cases.add(Upload.of("aggregated commas autodetected", AGGREGATED + "?source=commas", CSV,
                "path,total_conversions,total_null\nA > C,2,1\n", Expect.VALID));
        cases.add(Upload.of("aggregated tabs autodetected", AGGREGATED + "?source=tabs", CSV,
                "path\ttotal_conversions\ttotal_null\nA > D\t2\t1\n", Expect.VALID));
        cases.add(Upload.of("aggregated separator inside a quoted name", AGGREGATED + "?source=sep", CSV,
                header + "\"Shop; sale > B\";2;0;1\n", Expect.VALID));
        cases.add(Upload.of("aggregated formula injection", AGGREGATED + "?source=formula", CSV,
                header + "=HYPERLINK(\"x\") > @SUM(1) > +cmd;2;0;1\n", Expect.VALID));
        cases.add(Upload.of("aggregated custom separator with regex characters", AGGREGATED
                + "?source=regex&separator=.*", CSV, header + "A .* E;2;0;1\n", Expect.VALID));
        cases.add(Upload.of("aggregated JSON body", AGGREGATED, CSV, "{\"path\":\"A > B\",\"total_conversions\":3}",
                Expect.INVALID));
        cases.add(Upload.of("aggregated NDJSON media type", AGGREGATED, NDJSON, header + "A > B;3;0;0\n",
                Expect.INVALID));
        cases.add(Upload.of("aggregated onError=never", AGGREGATED + "?onError=never", CSV, header + "A > B;3;0;0\n",
                Expect.INVALID));
        cases.add(Upload.of("aggregated delimiter of two characters", AGGREGATED + "?delimiter=;;", CSV,
                header + "A > B;3;0;0\n", Expect.INVALID));
        cases.add(Upload.of("aggregated bad competitor regex", AGGREGATED + "?competitor=%5B", CSV,
                header + "A > B;3;0;0\n", Expect.INVALID));
        cases.add(new Upload("aggregated Latin-1", AGGREGATED, CSV, (header + "Caf\u00e9 > B;3;0;0\n")
                .getBytes(StandardCharsets.ISO_8859_1), Expect.INVALID));
        cases.add(Upload.of("aggregated unterminated quote", AGGREGATED, CSV, header + "\"A > B;3;0;0\n",
                Expect.INVALID));
        return cases;
    }

    static List<Upload> generatedAggregated() {
        List<Upload> cases = new ArrayList<>();
        Random random = new Random(7_919L);
        int[] sizes = {1, 5, 100, 4096, 70_000};
        for (int i = 0; i < 10; i++) {
            byte[] bytes = new byte[sizes[i % sizes.length]];
            random.nextBytes(bytes);
            cases.add(new Upload("aggregated random bytes #" + i + " (" + bytes.length + " B)", AGGREGATED, CSV,
                    bytes, Expect.INVALID));
        }
        String base = "path;total_conversions;total_conversion_value;total_null\nA > B > C;3;30;1\nB > C;0;0;4\n"
                + "\"A;x\" > C;1;5;0\n";
        for (int i = 0; i < 10; i++) {
            char[] chars = base.toCharArray();
            List<String> described = new ArrayList<>();
            for (int e = 0; e < 1 + random.nextInt(3); e++) {
                int at = random.nextInt(chars.length);
                char was = chars[at];
                chars[at] = ";>\"\n- 9x".charAt(random.nextInt(8));
                described.add(String.format(Locale.ROOT, "%d:U+%04X>U+%04X", at, (int) was, (int) chars[at]));
            }
            // Each of the ten seeded edit sets breaks the quoted "A;x" or a header name: invalid.
            cases.add(Upload.of("aggregated with random edits #" + i + " " + described, AGGREGATED + "?source=mut" + i,
                    CSV, new String(chars), Expect.INVALID));
        }
        return cases;
    }

    // ----- GET parameters -----

    /**
     * A bad GET and the answer it must get: its status, and the problem's field ({@code parameter}, or the kind of the
     * unknown thing for a 404) with the name it must hold; with no field, the detail must name it.
     */
    record BadQuery(String query, int status, String field, String named) {

        /** 400 naming the first parameter of the query string. */
        static BadQuery invalid(String path, String query) {
            return invalid(path, query, query.substring(0, query.indexOf('=')));
        }

        static BadQuery invalid(String path, String query, String parameter) {
            return new BadQuery(path + "?" + query, 400, "parameter", parameter);
        }

        static BadQuery notFound(String query, String kind, String name) {
            return new BadQuery(query, 404, kind, name);
        }
    }

    static List<BadQuery> queryCases() {
        List<BadQuery> cases = new ArrayList<>();
        for (String limit : List.of("abc", "0", "-5", "1001", "1e3", "99999999999999999999", "1.5", "%00")) {
            cases.add(BadQuery.invalid("/api/paths/top", "limit=" + limit));
        }
        for (String path : List.of("/api/paths/top", "/api/transitions")) {
            for (String common : List.of("maxSteps=0", "maxSteps=101", "maxSteps=x", "level=foo",
                    "collapseRepeats=maybe", "outcome=foo", "filterScope=everywhere", "from=yesterday",
                    "from=2026-13-01", "to=2026-02-30", "from=2026-03-02&to=2026-03-01", "from=99999-01-01", "to=-1",
                    "group=NoColon", "group=Name:%5B", "group=:x", "unknown=1", "limt=5")) {
                cases.add(BadQuery.invalid(path, common));
            }
            for (String filter : List.of("startsWith", "endsWith", "contains", "excludes")) {
                cases.add(BadQuery.notFound(path + "?" + filter + "=Nowhere", "touchpoint", "Nowhere"));
            }
        }
        for (String k : List.of("k=0", "k=101", "k=abc", "k=-1", "outcome=maybe", "maxSteps=1000")) {
            cases.add(BadQuery.invalid("/api/paths/likely", k));
        }
        for (String flows : List.of("steps=0", "steps=abc", "steps=100000", "topPerStep=0", "topPerStep=-1",
                "topPerStep=x", "level=planet")) {
            cases.add(BadQuery.invalid("/api/flows", flows));
        }
        for (String attribution : List.of("model=astrology", "order=sideways", "halfLife=-1d&model=time-decay",
                "halfLife=soon&model=time-decay", "halfLife=2&model=markov", "level=galaxy",
                "collapseRepeats=perhaps", "halfLife=7d&model=time-decay", "halfLife=0x1p3&model=time-decay")) {
            cases.add(BadQuery.invalid("/api/attribution", attribution));
        }
        cases.add(BadQuery.notFound("/api/attribution?remove=Nowhere", "label", "Nowhere"));
        for (String moments : List.of("alpha=0", "alpha=abc", "alpha=NaN", "confidence=1", "confidence=Infinity",
                "limit=0", "confidence=0.9d", "confidence=0.9F", "alpha=0x1p-5")) {
            cases.add(BadQuery.invalid("/api/insights/moments", moments));
        }
        String sides = "&a=segment%3Dx&b=";
        for (String compare : List.of("confidence=2", "confidence=abc", "limit=-1")) {
            cases.add(BadQuery.invalid("/api/compare", compare + sides));
        }
        cases.add(BadQuery.invalid("/api/compare", "b=", "a"));
        cases.add(BadQuery.invalid("/api/compare", "a=segment%3Dx&b=nope%3D1", "b.nope"));
        cases.add(BadQuery.invalid("/api/compare", "a=outcome%3Dsideways&b=", "a.outcome"));
        cases.add(BadQuery.invalid("/api/compare", "a.segment=x" + sides, "a.segment"));
        for (String dropoff : List.of("rankBy=vibes", "limit=0", "level=channel")) {
            cases.add(BadQuery.invalid("/api/dropoff", dropoff));
        }
        for (String funnel : List.of("stages=", "top=-1", "stages=" + "s,".repeat(30))) {
            cases.add(BadQuery.invalid("/api/funnel", funnel));
        }
        for (String diversions : List.of("limit=0", "level=touchpoint")) {
            cases.add(BadQuery.invalid("/api/diversions", diversions));
        }
        cases.add(BadQuery.notFound("/api/touchpoints/Nowhere/neighbourhood", "touchpoint", "Nowhere"));
        cases.add(BadQuery.invalid("/api/touchpoints/Home/neighbourhood", "before=-1"));
        cases.add(BadQuery.invalid("/api/touchpoints/Home/neighbourhood", "after=abc"));
        cases.add(BadQuery.notFound("/api/journeys/no-such-journey", "journey", "no-such-journey"));
        cases.add(BadQuery.notFound("/api/journeys/" + "x".repeat(2000), "journey", "x".repeat(2000)));
        cases.add(new BadQuery("/api/no-such-endpoint", 404, null, "api/no-such-endpoint"));
        return cases;
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(StandardCharsets.UTF_8);
        byte[] c = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
