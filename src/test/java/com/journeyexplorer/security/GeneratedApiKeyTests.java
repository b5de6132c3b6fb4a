package com.journeyexplorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.config.JourneysProperties;

/** No key configured: one is generated into the data folder, readable by its owner only, and it works. */
@TestPropertySource(properties = "journeys.security.api-key=")
class GeneratedApiKeyTests extends ApiTestSupport {

    @Autowired
    JourneysProperties properties;

    @Test
    void generatesAnOwnerOnlyKeyFileAndAcceptsThatKey() throws Exception {
        Path file = properties.dataDir().resolve(ApiKey.FILE_NAME);
        String key = Files.readString(file).strip();

        assertThat(key).hasSizeGreaterThanOrEqualTo(40);
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        String row = "journey_id,timestamp,touchpoint\ngen-1,2026-03-01T10:00:00Z,Newsletter\n";
        assertThat(post("/api/events", "text/csv", row, "test-key").status()).isEqualTo(401);
        assertThat(post("/api/events", "text/csv", row, key).status()).isEqualTo(200);
    }
}
