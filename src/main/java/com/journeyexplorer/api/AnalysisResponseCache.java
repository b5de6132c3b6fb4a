package com.journeyexplorer.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.journeyexplorer.graph.FeedbackGraph;
import com.journeyexplorer.graph.JourneyProjection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the answers of the read endpoints for the current snapshot of the data. A snapshot never changes, so an
 * answer stays right until the next import replaces the snapshot, which empties the cache. Dashboards and the journey
 * map ask the same questions again and again; they get them in a millisecond. {@code Cache-Control: no-cache} on a
 * request computes the answer afresh; every answer says {@code X-Cache: HIT} or {@code MISS}. Bounded by entries and
 * bytes; large answers are not kept. Hits and misses are counted as {@code journeys.answer.cache} (tag
 * {@code result}) for {@code /actuator/prometheus}.
 */
@Component
class AnalysisResponseCache extends OncePerRequestFilter {

    private static final int MAX_ENTRIES = 512;
    private static final long MAX_BYTES = 64L << 20;
    private static final int MAX_ENTRY_BYTES = 4 << 20;

    /**
     * The headers of an answer that belong to it, given again with it from the cache: the download's file name and
     * what the graph export kept.
     */
    private static final List<String> ANSWER_HEADERS = List.of(HttpHeaders.CONTENT_DISPOSITION,
            GraphExportController.LINKS_SHOWN, GraphExportController.LINKS_TOTAL);

    private record Answer(String contentType, Map<String, String> headers, byte[] body) {
    }

    private final JourneyProjection projection;
    private final FeedbackGraph feedback;
    private final PendingAnswers pending;
    private final Map<String, Answer> answers = new LinkedHashMap<>(64, 0.75f, true);
    private long version = -1;
    private long bytes;
    private final Counter hits;
    private final Counter misses;

    AnalysisResponseCache(JourneyProjection projection, FeedbackGraph feedback, PendingAnswers pending,
            MeterRegistry meters) {
        this.projection = projection;
        this.feedback = feedback;
        this.pending = pending;
        this.hits = Counter.builder("journeys.answer.cache").tag("result", "hit")
                .description("Read answers served from the answer cache").register(meters);
        this.misses = Counter.builder("journeys.answer.cache").tag("result", "miss")
                .description("Read answers computed afresh").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // The experience answers read the survey responses too, and the journal lists feedback imports and their
        // undo: both change without a new snapshot.
        return !"GET".equals(request.getMethod()) || !path.startsWith("/api/") || path.startsWith("/api/cypher")
                || path.startsWith("/api/experience") || path.startsWith("/api/imports");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long snapshot = projection.current().version();
        // Paths, funnel, graph and compare carry the survey responses too, which change without a new snapshot
        // (imports, undo, erasure): their version tells the answers apart.
        String key = request.getRequestURI() + '?' + request.getQueryString() + '|'
                + request.getHeader(HttpHeaders.ACCEPT) + '|' + feedback.version();
        boolean fresh = String.valueOf(request.getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-cache");
        Answer cached = fresh ? null : lookup(snapshot, key);
        if (cached != null) {
            hits.increment();
            response.setHeader("X-Cache", "HIT");
            response.setContentType(cached.contentType());
            cached.headers().forEach(response::setHeader);
            response.setContentLength(cached.body().length);
            response.getOutputStream().write(cached.body());
            return;
        }
        misses.increment();
        response.setHeader("X-Cache", "MISS");
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() == 200 && wrapper.getContentSize() <= MAX_ENTRY_BYTES) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : ANSWER_HEADERS) {
                    if (wrapper.getHeader(name) != null) {
                        headers.put(name, wrapper.getHeader(name));
                    }
                }
                store(snapshot, key, new Answer(wrapper.getContentType(), headers, wrapper.getContentAsByteArray()));
            }
        } finally {
            // Held whole until the client has read it, after the analysis gave its turn back: counted meanwhile.
            long size = wrapper.getContentSize();
            pending.sending(size);
            try {
                wrapper.copyBodyToResponse();
            } finally {
                pending.sent(size);
            }
        }
    }

    private synchronized Answer lookup(long snapshot, String key) {
        return snapshot == version ? answers.get(key) : null;
    }

    private synchronized void store(long snapshot, String key, Answer answer) {
        if (snapshot != version) {
            if (snapshot < version) {
                return;
            }
            answers.clear();
            bytes = 0;
            version = snapshot;
        }
        Answer previous = answers.put(key, answer);
        bytes += answer.body().length - (previous == null ? 0 : previous.body().length);
        var eldest = answers.entrySet().iterator();
        while ((answers.size() > MAX_ENTRIES || bytes > MAX_BYTES) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().body().length;
            eldest.remove();
        }
    }
}
