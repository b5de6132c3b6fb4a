package com.journeyexplorer.graph;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What the in-memory projection holds, as gauges read at each scrape ({@code /actuator/prometheus}): the journeys and
 * events of the current snapshot and its version, which every import, undo or erasure raises. Reading them costs
 * nothing: the snapshot keeps its counts.
 */
@Component
class ProjectionMetrics implements MeterBinder {

    private final JourneyProjection projection;

    ProjectionMetrics(JourneyProjection projection) {
        this.projection = projection;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("journeys.projection.journeys", projection, p -> p.current().journeyCount())
                .description("Journeys in the in-memory projection (weighted by their counts)").register(registry);
        Gauge.builder("journeys.projection.events", projection, p -> p.current().eventCount())
                .description("Events in the in-memory projection").register(registry);
        Gauge.builder("journeys.projection.version", projection, p -> p.current().version())
                .description("Version of the projection's snapshot; each committed change raises it")
                .register(registry);
    }
}
