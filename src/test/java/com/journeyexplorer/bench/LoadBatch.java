package com.journeyexplorer.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoEvent;
import com.journeyexplorer.demo.DemoStore;

/**
 * A small import for the load test: whole demo journeys (generated with a seed of their own) renamed to journey ids
 * no other batch uses, {@value #MIN_EVENTS} to {@value #MAX_EVENTS} events in all (a longer first journey is sent
 * alone), as the event CSV that {@code POST /api/events} reads.
 */
record LoadBatch(String csv, int events, int journeys) {

    static final int MIN_EVENTS = 10;
    static final int MAX_EVENTS = 50;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader(DemoCsvWriter.HEADER).get();

    /** The batch numbered {@code batch}: the same number gives the same events. */
    static LoadBatch of(long batch) {
        List<DemoEvent> events = new ArrayList<>();
        int journeys = 0;
        while (events.size() < MIN_EVENTS) {
            List<DemoEvent> journey = new ArrayList<>();
            new DemoStore(batch * 1_000 + journeys + 1_000_003L).generate(1, journey::add);
            if (!events.isEmpty() && events.size() + journey.size() > MAX_EVENTS) {
                break;
            }
            String id = "load-" + batch + "-" + journeys;
            for (DemoEvent event : journey) {
                events.add(new DemoEvent(id, "load-customer-" + batch + "-" + journeys, event.timestamp(),
                        event.touchpoint(), event.channel(), event.stage(), event.owner(), event.type(), event.value(),
                        event.segment(), event.device()));
            }
            journeys++;
        }
        return new LoadBatch(csv(events), events.size(), journeys);
    }

    private static String csv(List<DemoEvent> events) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (DemoEvent event : events) {
                printer.printRecord(event.journeyId(), java.time.Instant.ofEpochMilli(event.timestamp()).toString(),
                        event.touchpoint(), event.channel(), event.stage(), event.customerId(), event.owner(),
                        event.type(), event.value() == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.2f",
                                event.value()), event.segment(), event.device());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
