package com.journeyexplorer.demo;

import java.util.function.Consumer;

/**
 * A seeded source of generated journeys in the importer's event shape: the demo store ({@link DemoStore}) or a web
 * shop's clickstream ({@link Clickstream}). Implementations stream journey by journey, in time order within each, with
 * memory that does not grow with the number of journeys; the same seed and count give the same events.
 */
public interface JourneyGenerator {

    /** Streams {@code journeys} journeys to {@code sink}. */
    void generate(int journeys, Consumer<DemoEvent> sink);

    /** A short name for messages and file names: {@code demo} or {@code clickstream}. */
    String shape();
}
