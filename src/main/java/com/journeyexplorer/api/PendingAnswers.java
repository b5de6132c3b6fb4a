package com.journeyexplorer.api;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import com.journeyexplorer.config.JourneysProperties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The bytes of computed answers still on their way to their clients. The answer cache holds an answer whole from the
 * moment it is computed until its client has read it, and the analysis gives its turn back before that: a client
 * that reads slowly, or not at all, keeps its answer on the heap until the server's write timeout, and many of them
 * would fill the heap. So while more than {@code journeys.analysis.max-pending-answers} wait, a further analysis is
 * refused at once with a 503 problem and {@code Retry-After} instead of computing an answer for the heap to hold.
 * Published as the gauge {@code journeys.answers.pending} (bytes).
 */
@Component
class PendingAnswers {

    private final AtomicLong bytes = new AtomicLong();
    private final long limit;
    private final long retryAfterSeconds;

    PendingAnswers(JourneysProperties properties, MeterRegistry meters) {
        this.limit = properties.analysis().pendingAnswerBytes();
        this.retryAfterSeconds = Math.max(1, Math.min(60, properties.analysis().queueWait().toSeconds()));
        Gauge.builder("journeys.answers.pending", bytes, AtomicLong::get).baseUnit("bytes")
                .description("Bytes of computed answers still being sent to their clients").register(meters);
    }

    /** Counts an answer of {@code size} bytes from now until {@link #sent} is called with the same size. */
    void sending(long size) {
        bytes.addAndGet(size);
    }

    void sent(long size) {
        bytes.addAndGet(-size);
    }

    /** Refuses a new analysis while the answers waiting for their clients hold more than the limit. */
    void checkRoom() {
        long held = bytes.get();
        if (held > limit) {
            throw new AnswersPendingException(held, limit, retryAfterSeconds);
        }
    }
}
