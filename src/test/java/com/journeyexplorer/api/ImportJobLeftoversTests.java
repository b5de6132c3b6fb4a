package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The kept upload of an import job that a killed process never finished is deleted at the next start; other files in
 * the data directory are left alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportJobLeftoversTests {

    private static Path dataDir;

    @DynamicPropertySource
    static void storeWithLeftovers(DynamicPropertyRegistry registry) {
        try {
            dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-stores")), "store-")
                    .toAbsolutePath();
            Path uploads = Files.createDirectories(dataDir.resolve("uploads"));
            Files.writeString(uploads.resolve(ImportJobs.UPLOAD_PREFIX + "123" + ImportJobs.UPLOAD_SUFFIX),
                    "journey_id,timestamp,touchpoint\n");
            Files.writeString(uploads.resolve("notes.txt"), "not an upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("journeys.data-dir", dataDir::toString);
    }

    @Test
    void deletesUploadsThatTheLastRunLeftBehind() throws IOException {
        try (var left = Files.list(dataDir.resolve("uploads"))) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("notes.txt");
        }
    }
}
