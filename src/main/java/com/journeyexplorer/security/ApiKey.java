package com.journeyexplorer.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.journeyexplorer.config.JourneysProperties;

/**
 * The key that writes require: {@code journeys.security.api-key}, or else the one in {@code <data-dir>/api-key},
 * generated (256 random bits) at first start with owner-only permissions where the file system has them. The key
 * itself is never logged, only where to find it.
 */
final class ApiKey {

    static final String FILE_NAME = "api-key";
    private static final Logger log = LoggerFactory.getLogger(ApiKey.class);

    private final byte[] key;

    private ApiKey(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    static ApiKey of(JourneysProperties properties) {
        String configured = properties.security().apiKey();
        if (configured != null) {
            return new ApiKey(configured.strip());
        }
        Path file = properties.dataDir().toAbsolutePath().normalize().resolve(FILE_NAME);
        try {
            String stored = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
            if (!stored.isEmpty()) {
                log.info("Writes require the API key in {} (header X-API-Key or Authorization: Bearer)", file);
                return new ApiKey(stored);
            }
            String generated = generate();
            write(file, generated);
            log.info("Generated an API key for writes into {} (readable by this user only); send it as header "
                    + "X-API-Key or Authorization: Bearer, or set journeys.security.api-key", file);
            return new ApiKey(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API key file " + file
                    + "; set journeys.security.api-key instead", e);
        }
    }

    /** Constant-time comparison, so the response time tells nothing about how much of a guess was right. */
    boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(key, candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void write(Path file, String key) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the file inherits the folder's access rules; narrow them as we can.
            Files.createFile(file);
            var handle = file.toFile();
            handle.setReadable(false, false);
            handle.setReadable(true, true);
            handle.setWritable(false, false);
            handle.setWritable(true, true);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process created " + file + " at the same time", e);
        }
        Files.writeString(file, key + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}
