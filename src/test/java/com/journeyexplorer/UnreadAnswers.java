package com.journeyexplorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.LongPredicate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A client that asks for a large answer and reads none of it, as the tests of
 * {@code journeys.analysis.max-pending-answers} need: a journey long enough that its answer (about 9 MB) is more than
 * the socket buffers hold, asked for over a raw socket with a small receive buffer, and the gauge of the answer bytes
 * the server holds for such clients.
 */
public final class UnreadAnswers {

    /** The steps of the long journey: the longest journey an import takes. */
    private static final int STEPS = 100_000;

    private UnreadAnswers() {
    }

    /** The CSV of one journey {@code id} of the most steps an import takes. */
    public static String longJourneyCsv(String id) {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint\n");
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        for (int i = 0; i < STEPS; i++) {
            csv.append(id).append(',').append(start.plusSeconds(i)).append(",A page with a rather long name ")
                    .append(i % 50).append('\n');
        }
        return csv.toString();
    }

    /** Sends a GET of {@code path} (past the answer cache) and reads nothing: the caller closes the socket. */
    public static Socket requestWithoutReading(int port, String path) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nCache-Control: no-cache\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Waits until the gauge of pending answer bytes satisfies {@code condition} (a minute at most). */
    public static void awaitPending(MeterRegistry meters, LongPredicate condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.test(pending(meters)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.test(pending(meters))).as("pending answer bytes %d", pending(meters)).isTrue();
    }

    private static long pending(MeterRegistry meters) {
        var gauge = meters.find("journeys.answers.pending").gauge();
        return gauge == null ? 0 : (long) gauge.value();
    }
}
