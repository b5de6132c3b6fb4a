package com.journeyexplorer.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes generated journeys (the {@link DemoStore} or a {@link Clickstream}) as the event CSV the importer reads:
 * RFC 4180 quoting, timestamps as ISO-8601 UTC with milliseconds, values with two decimals on purchases and none elsewhere (a {@code 0} on every other
 * event would become a journey attribute {@code value=0} of every journey, purchasers included). Streams: memory does
 * not grow with the number of journeys.
 *
 * <p>Run {@code main} with {@code [--shape=demo|clickstream] [--touchpoints=N] [--frustration] journeys file [seed]}
 * to write a benchmark file, with progress on stderr. {@code --frustration} gives the clickstream rage clicks (the demo
 * store always has some).
 */
public final class DemoCsvWriter {

    public static final String[] HEADER = {"journey_id", "timestamp", "touchpoint", "channel", "stage",
            "customer_id", "owner", "type", "value", "segment", "device"};
    public static final long DEFAULT_SEED = 42;
    public static final List<String> SHAPES = List.of("demo", "clickstream");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader(HEADER).get();

    private DemoCsvWriter() {
    }

    /** Writes {@code journeys} journeys to {@code file}, replacing it; returns the number of event rows. */
    public static long write(JourneyGenerator store, int journeys, Path file) throws IOException {
        return write(store, journeys, file, done -> {
        });
    }

    /**
     * As {@link #write(JourneyGenerator, int, Path)}, telling {@code journeysDone} the count after each finished
     * journey.
     */
    public static long write(JourneyGenerator store, int journeys, Path file, IntConsumer journeysDone)
            throws IOException {
        long[] rows = {0};
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
                CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            String[] current = {null};
            int[] done = {0};
            store.generate(journeys, event -> {
                if (current[0] != null && current[0] != event.journeyId()) {
                    journeysDone.accept(++done[0]);
                }
                current[0] = event.journeyId();
                print(printer, event);
                rows[0]++;
            });
            if (current[0] != null) {
                journeysDone.accept(++done[0]);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    private static void print(CSVPrinter printer, DemoEvent event) {
        try {
            printer.print(event.journeyId());
            printer.print(IsoTimestamps.format(event.timestamp()));
            printer.print(event.touchpoint());
            printer.print(event.channel());
            printer.print(event.stage());
            printer.print(event.customerId());
            printer.print(event.owner());
            printer.print(event.type());
            printer.print(value(event.value()));
            printer.print(event.segment());
            printer.print(event.device());
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empty for no amount, else the amount with two decimals: {@code 59.90}. */
    static String value(double value) {
        long cents = Math.round(value * 100);
        if (cents == 0) {
            return "";
        }
        long fraction = cents % 100;
        return (cents / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /**
     * {@code [--shape=demo|clickstream] [--touchpoints=N] [--frustration] journeys file [seed]}: writes the CSV,
     * printing progress to stderr about every 10%. The clickstream has {@value Clickstream#DEFAULT_TOUCHPOINTS}
     * touchpoints unless told, and frustration events only with {@code --frustration}.
     */
    public static void main(String[] args) throws IOException {
        String shape = "demo";
        int touchpoints = Clickstream.DEFAULT_TOUCHPOINTS;
        boolean frustration = false;
        List<String> positional = new ArrayList<>();
        try {
            for (String arg : args) {
                if (arg.startsWith("--shape=")) {
                    shape = arg.substring("--shape=".length());
                } else if (arg.startsWith("--touchpoints=")) {
                    touchpoints = Integer.parseInt(arg.substring("--touchpoints=".length()));
                } else if (arg.equals("--frustration")) {
                    frustration = true;
                } else {
                    positional.add(arg);
                }
            }
            if (positional.size() < 2 || positional.size() > 3 || !SHAPES.contains(shape)
                    || frustration && !shape.equals("clickstream")) {
                throw new IllegalArgumentException();
            }
            Integer.parseInt(positional.get(0));
        } catch (IllegalArgumentException e) {
            System.err.println("usage: DemoCsvWriter [--shape=demo|clickstream] [--touchpoints=N, clickstream only, "
                    + "default " + Clickstream.DEFAULT_TOUCHPOINTS + "] [--frustration, clickstream only] "
                    + "<journeys> <file.csv> [seed, default " + DEFAULT_SEED + "]");
            System.exit(2);
        }
        int journeys = Integer.parseInt(positional.get(0));
        Path file = Path.of(positional.get(1));
        long seed = positional.size() == 3 ? Long.parseLong(positional.get(2)) : DEFAULT_SEED;
        JourneyGenerator store = shape.equals("clickstream") ? new Clickstream(seed, touchpoints, frustration)
                : new DemoStore(seed);
        String name = store.shape();
        int step = Math.max(1, journeys / 10);
        long start = System.nanoTime();
        long rows = write(store, journeys, file, done -> {
            if (done % step == 0 || done == journeys) {
                System.err.println(name + ": " + (int) (100L * done / journeys) + "% (" + done + " of " + journeys
                        + " journeys, " + (System.nanoTime() - start) / 1_000_000 + " ms)");
            }
        });
        System.err.println(name + ": wrote " + rows + " events of " + journeys + " journeys (seed " + seed + ") to "
                + file.toAbsolutePath());
    }
}
