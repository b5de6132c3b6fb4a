package com.journeyexplorer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.journeyexplorer.demo.Clickstream;
import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoStore;
import com.journeyexplorer.demo.JourneyGenerator;

/**
 * The generated data shapes the benchmarks run on: the demo store (31 touchpoints) and a web shop's clickstream
 * ({@value Clickstream#DEFAULT_TOUCHPOINTS} touchpoints unless {@code -Dbench.touchpoints} says otherwise), with the
 * segments and the touchpoint that the benchmark requests name in each.
 */
enum Shape {
    DEMO("demo", "trend follower", "bargain hunter", "Checkout - shipping costs"),
    CLICKSTREAM("clickstream", "deal seeker", "window shopper", "Checkout - shipping");

    final String name;
    final String segment;
    final String otherSegment;
    final String touchpoint;

    Shape(String name, String segment, String otherSegment, String touchpoint) {
        this.name = name;
        this.segment = segment;
        this.otherSegment = otherSegment;
        this.touchpoint = touchpoint;
    }

    static Shape named(String name) {
        for (Shape shape : values()) {
            if (shape.name.equals(name)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + name + "': use demo or clickstream");
    }

    /** {@code demo store} or {@code clickstream (5,000 pages and events)}, for the benchmarks' data lines. */
    String description() {
        return this == DEMO ? "demo store (seed 42)" : String.format(java.util.Locale.ROOT,
                "web-shop clickstream (seed 42, a site of %,d pages and events)", touchpoints());
    }

    static int touchpoints() {
        return Integer.getInteger("bench.touchpoints", Clickstream.DEFAULT_TOUCHPOINTS);
    }

    JourneyGenerator generator() {
        return this == DEMO ? new DemoStore(DemoCsvWriter.DEFAULT_SEED)
                : new Clickstream(DemoCsvWriter.DEFAULT_SEED, touchpoints());
    }

    /** {@code demo-1000000.csv} or {@code clickstream-5000-1000000.csv} in {@code work}, written once (seed 42). */
    Path csv(int journeys, Path work) throws IOException {
        Files.createDirectories(work);
        String base = this == DEMO ? "demo-" + journeys : "clickstream-" + touchpoints() + "-" + journeys;
        Path csv = work.resolve(base + ".csv");
        if (!Files.exists(csv)) {
            System.err.printf("writing %,d %s journeys to %s%n", journeys, name, csv);
            Path partial = work.resolve(base + ".csv.partial");
            DemoCsvWriter.write(generator(), journeys, partial);
            Files.move(partial, csv);
        }
        return csv;
    }

    /** {@code request} with {@code {segment}}, {@code {otherSegment}} and {@code {touchpoint}} filled in, URL-encoded. */
    String fill(String request) {
        return request.replace("{segment}", encode(segment)).replace("{otherSegment}", encode(otherSegment))
                .replace("{touchpoint}", encode(touchpoint));
    }

    private static String encode(String text) {
        return text.replace(" ", "%20");
    }
}
