package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

/**
 * A compressed upload is bounded after decompression too: a small body that inflates far beyond
 * {@code journeys.ingest.max-upload-size} (a zip bomb) is refused with 413 once the limit is reached, and nothing is
 * written.
 */
@TestPropertySource(properties = "journeys.ingest.max-upload-size=64KB")
class CompressedUploadLimitTests extends ApiTestSupport {

    @Test
    void refusesAGzipUploadThatInflatesBeyondTheLimit() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write("journey_id,timestamp,touchpoint\n".getBytes(StandardCharsets.UTF_8));
            byte[] row = "bomb-1,2026-03-01T10:00:00Z,Home\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 300_000; i++) {
                out.write(row);
            }
        }
        byte[] body = bytes.toByteArray();
        assertThat(body.length).isLessThan(64 * 1024);
        String before = storeState();

        Response response = send(HttpRequest.newBuilder(uri("/api/events")).header("X-API-Key", API_KEY)
                .header("Content-Type", "text/csv").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("decompressed upload is larger than the limit");
        assertThat(response.json().get("limitBytes").asLong()).isEqualTo(64 * 1024);
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void importsAGzipUploadWithinTheLimit() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write("journey_id,timestamp,touchpoint\nsmall-1,2026-03-01T10:00:00Z,Home\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Response response = postBytes("/api/events", "application/gzip", bytes.toByteArray());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("eventsImported").asLong()).isEqualTo(1);
    }
}
