package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

/**
 * {@code /actuator/prometheus}: the projection's gauges, the answer cache's hits and misses, request timings, the
 * writes' durations and counts.
 */
class PrometheusMetricsTests extends ApiTestSupport {

    @Test
    void exposesProjectionCacheAndRequestMetrics() {
        String before = scrape();
        double hitsBefore = sample(before, "journeys_answer_cache_total\\{[^}]*result=\"hit\"[^}]*\\}");
        double eventsBefore = sample(before, IMPORT_EVENTS);
        double importsBefore = sample(before, IMPORTS_TIMED);
        Response imported = postRunningExample();
        assertThat(imported.status()).isEqualTo(200);
        get("/api/paths/top?outcome=any&limit=3");
        get("/api/paths/top?outcome=any&limit=3");

        String metrics = scrape();
        long journeys = get("/api/stats").json().get("journeys").asLong();
        assertThat(journeys).isPositive();
        assertThat(sample(metrics, "journeys_projection_journeys")).isEqualTo(journeys);
        assertThat(sample(metrics, "journeys_projection_version")).isPositive();
        assertThat(sample(metrics, "journeys_answer_cache_total\\{[^}]*result=\"hit\"[^}]*\\}"))
                .isEqualTo(hitsBefore + 1);
        assertThat(metrics).contains("http_server_requests_seconds_count{").contains("uri=\"/api/paths/top\"");
        // The import finished a journal entry, which this instance has applied: it is behind by nothing.
        assertThat(sample(metrics, "journeys_journal_applied")).isPositive();
        assertThat(sample(metrics, "journeys_journal_behind")).isZero();
        assertThat(metrics).containsPattern("(?m)^journeys_journal_unread_seconds [0-9.eE+-]+$");
        // The import's time and what it wrote, for the import rate.
        assertThat(sample(metrics, IMPORTS_TIMED)).isEqualTo(importsBefore + 1);
        assertThat(sample(metrics, IMPORT_EVENTS) - eventsBefore)
                .isEqualTo(imported.json().get("eventsImported").asDouble()).isPositive();
    }

    private static final String IMPORT_EVENTS = "journeys_write_events_total\\{[^}]*kind=\"import\"[^}]*\\}";
    private static final String IMPORTS_TIMED =
            "journeys_write_duration_seconds_count\\{[^}]*kind=\"import\"[^}]*\\}";

    private String scrape() {
        Response response = get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The value of the first sample whose name and labels match {@code series}; 0 when there is none. */
    private static double sample(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
