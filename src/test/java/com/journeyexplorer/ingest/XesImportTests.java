package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.TestData;

import tools.jackson.databind.JsonNode;

/**
 * XES event logs over HTTP on the embedded Neo4j: the running example as pm4py ships it imports to the same journeys,
 * statistics and transitions as its CSV, attributes are kept, and bad XML is a problem naming the line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XesImportTests extends ApiTestSupport {

    private static final String XES = "application/xes+xml";

    static byte[] runningExample() {
        try (InputStream input = XesImportTests.class.getResourceAsStream("/xes/running-example.xes")) {
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String log(String traces) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <log xes.version="1.0" xmlns="http://www.xes-standard.org/">
                """ + traces + "</log>\n";
    }

    /** First, on the empty store: its counts are the running example's alone. */
    @Test
    @Order(1)
    void importsTheRunningExampleLikeItsCsvWithTheSameStatisticsAndTransitions() {
        Response xes = postBytes("/api/events?purchase=pay compensation&openHorizon=0", XES, runningExample());

        assertThat(xes.status()).as(xes.body()).isEqualTo(200);
        JsonNode report = xes.json();
        assertThat(report.get("rowsRead").asLong()).isEqualTo(42);
        assertThat(report.get("eventsImported").asLong()).isEqualTo(42);
        assertThat(report.get("journeysCreated").asLong()).isEqualTo(6);
        JsonNode journey = get("/api/journeys/3").json();
        assertThat(journey.get("outcome").asString()).isEqualTo("PURCHASE");
        assertThat(journey.get("steps").get(0).get("touchpoint").asString()).isEqualTo("register request");
        assertThat(journey.get("steps").get(0).get("at").asString()).isEqualTo("2010-12-30T13:32:00Z");
        assertThat(journey.get("steps").get(8).get("touchpoint").asString()).isEqualTo("pay compensation");
        String stats = get("/api/stats").body();
        String transitions = get("/api/transitions").body();
        String paths = get("/api/paths/top?limit=10").body();
        assertThat(stats).contains("\"journeys\":6", "\"events\":42", "\"PURCHASE\":3", "\"ABANDONED\":3");

        // The same log as CSV (test resources), into the same store once the XES import is undone.
        var csv = TestData.file("pm4py-running-example/running-example.csv");
        Response undo = delete("/api/imports/" + report.get("importId").asString());
        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(get("/api/stats").json().get("journeys").asLong()).isZero();
        Response csvImport = postFile("/api/events?journeyColumn=case:concept:name&touchpointColumn=concept:name"
                + "&timestampColumn=time:timestamp&purchase=pay compensation&openHorizon=0", "text/csv", csv);
        assertThat(csvImport.status()).as(csvImport.body()).isEqualTo(200);

        assertThat(get("/api/stats").body()).isEqualTo(stats);
        assertThat(get("/api/transitions").body()).isEqualTo(transitions);
        assertThat(get("/api/paths/top?limit=10").body()).isEqualTo(paths);
    }

    @Test
    void keepsEventAttributesAndTraceAttributesAndReadsGzip() {
        String body = log("""
                  <trace>
                    <string key="concept:name" value="xes-attr-1"/>
                    <string key="creator" value="Fluxicon Nitro"/>
                    <event>
                      <string key="concept:name" value="Register"/>
                      <string key="lifecycle:transition" value="complete"/>
                      <string key="org:resource" value="Pete"/>
                      <date key="time:timestamp" value="2026-03-01T10:00:00.000+01:00"/>
                      <list key="tags"><values><string key="tag" value="nested, skipped"/></values></list>
                    </event>
                    <event>
                      <string key="concept:name" value="Approve"/>
                      <string key="lifecycle:transition" value="complete"/>
                      <date key="time:timestamp" value="2026-03-01T11:00:00.000+01:00"/>
                    </event>
                  </trace>
                """);

        Response response = postBytes("/api/events?purchase=Approve&openHorizon=0", XES,
                gzip(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode journey = get("/api/journeys/xes-attr-1").json();
        assertThat(journey.get("outcome").asString()).isEqualTo("PURCHASE");
        assertThat(journey.get("startedAt").asString()).isEqualTo("2026-03-01T09:00:00Z");
        JsonNode attributes = journey.get("attributes");
        assertThat(attributes.get("lifecycle:transition").asString()).isEqualTo("complete");
        assertThat(attributes.get("org:resource").asString()).isEqualTo("Pete");
        assertThat(attributes.get("case:creator").asString()).isEqualTo("Fluxicon Nitro");
        assertThat(attributes.has("tag")).isFalse();
        assertThat(attributes.has("concept:name")).as("mapped, not an attribute").isFalse();
    }

    @Test
    void takesTheSameColumnParametersAsCsv() {
        String body = log("""
                  <trace>
                    <string key="concept:name" value="xes-map-1"/>
                    <event>
                      <string key="concept:name" value="a1"/>
                      <string key="Activity" value="Open account"/>
                      <date key="time:timestamp" value="2026-03-01T10:00:00Z"/>
                    </event>
                  </trace>
                """);

        Response response = post("/api/events?touchpointColumn=Activity", XES, body);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode journey = get("/api/journeys/xes-map-1").json();
        assertThat(journey.get("steps").get(0).get("touchpoint").asString()).isEqualTo("Open account");
    }

    @Test
    void rejectsMalformedXmlNamingTheLineAndWritesNothing() {
        String before = storeState();
        String body = log("""
                  <trace>
                    <string key="concept:name" value="xes-bad-1"/>
                    <event>
                      <string key="concept:name" value="Register">
                    </event>
                  </trace>
                """);

        Response response = post("/api/events", XES, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("line").asLong()).isEqualTo(7);
        assertThat(error.get("reason").asString()).startsWith("is not well-formed XML");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void rejectsAnEventWithoutNameOrTimestampNamingTheLineAndAttribute() {
        String body = log("""
                  <trace>
                    <string key="concept:name" value="xes-bad-2"/>
                    <event>
                      <date key="time:timestamp" value="2026-03-01T10:00:00Z"/>
                    </event>
                    <event>
                      <string key="concept:name" value="Register"/>
                      <date key="time:timestamp" value="soon"/>
                    </event>
                  </trace>
                """);

        Response response = post("/api/events", XES, body);

        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(5);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("concept:name");
        assertThat(errors.get(1).get("line").asLong()).isEqualTo(8);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("time:timestamp");
        assertThat(get("/api/journeys/xes-bad-2").status()).isEqualTo(404);
    }

    @Test
    void refusesDocumentTypesAndExternalEntities() {
        String body = """
                <?xml version="1.0"?>
                <!DOCTYPE log [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <log><trace><string key="concept:name" value="xes-xxe"/>
                <event><string key="concept:name" value="&secret;"/>
                <date key="time:timestamp" value="2026-03-01T10:00:00Z"/></event></trace></log>
                """;

        Response response = post("/api/events", XES, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("root:");
        assertThat(get("/api/journeys/xes-xxe").status()).isEqualTo(404);
    }

    @Test
    void rejectsADocumentThatIsNotAnXesLog() {
        Response response = post("/api/events", "application/xml", "<html><body/></html>");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("reason").asString()).contains("not an XES log");
    }

    @Test
    void answersEveryUnreadableLogWithAProblemAndWritesNothing() {
        byte[] log = runningExample();
        byte[] zipped = gzip(log);
        byte[] notUtf8 = log.clone();
        int at = new String(log, StandardCharsets.UTF_8).indexOf("register request");
        notUtf8[at] = (byte) 0xC3;
        notUtf8[at + 1] = (byte) 0x28;
        java.util.Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("random bytes", new java.util.Random(7).ints(2000, 0, 256).collect(ByteArrayOutputStream::new,
                ByteArrayOutputStream::write, (a, b) -> a.writeBytes(b.toByteArray())).toByteArray());
        bodies.put("truncated", java.util.Arrays.copyOf(log, log.length / 2));
        bodies.put("truncated gzip", java.util.Arrays.copyOf(zipped, zipped.length / 2));
        bodies.put("not UTF-8", notUtf8);
        bodies.put("CSV", "journey_id,timestamp,touchpoint\nx,2026-03-01T10:00:00Z,Home\n"
                .getBytes(StandardCharsets.UTF_8));
        String before = storeState();

        bodies.forEach((name, body) -> {
            Response response = postBytes("/api/events", XES, body);
            assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).as(name).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("reason").asString()).as(name).isNotBlank();
        });
        assertThat(storeState()).isEqualTo(before);
    }
}
