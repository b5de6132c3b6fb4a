package com.journeyexplorer.graph;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Committed writes of this instance as meters ({@code /actuator/prometheus}), tagged by kind ({@code import},
 * {@code feedback}, {@code undo}, {@code erasure}, ...): how long each took from planning to publishing, and the
 * journeys, events and survey answers it wrote. The import rate is the rate of {@code journeys_write_events_total};
 * an import job's time is here too, which the request timings of an asynchronous upload do not show.
 */
@Component
class WriteMetrics {

    private final MeterRegistry registry;

    WriteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String kind, long journeys, long events, long answers, long nanos) {
        Timer.builder("journeys.write.duration").tag("kind", kind)
                .description("Committed writes, from planning to publishing").register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        count("journeys.write.journeys", kind, "Journeys written or replaced", journeys);
        count("journeys.write.events", kind, "Events the writes added", events);
        count("journeys.write.answers", kind, "Survey answers stored", answers);
    }

    private void count(String name, String kind, String description, long amount) {
        Counter.builder(name).tag("kind", kind).description(description).register(registry).increment(amount);
    }
}
