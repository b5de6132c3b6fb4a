package com.journeyexplorer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The app in a JVM of its own, its main class on this test's class path, so that a test can kill it as a crash would
 * ({@link #kill}: SIGKILL), which an app in the test's JVM cannot be. Its output is kept, and a test can wait for a
 * line of it.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private volatile String watched;
    private volatile CountDownLatch seen = new CountDownLatch(1);

    private AppProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "app-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the app with {@code arguments} in a JVM of at most {@code maxHeap} (e.g. {@code 512m}) and waits until it
     * is ready (at most 3 minutes).
     */
    public static AppProcess start(String maxHeap, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + maxHeap,
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), JourneyExplorerApplication.class.getName()));
        command.addAll(arguments);
        AppProcess app = new AppProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        // Logged once the projection (and any demo data) is loaded.
        app.watchFor("Journey Explorer is ready");
        if (!app.awaitLine(Duration.ofMinutes(3))) {
            app.close();
            throw new IllegalStateException("the app did not start:\n" + app.output());
        }
        return app;
    }

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** From now on, {@link #awaitLine} waits for a line containing {@code text} (one already printed counts). */
    public void watchFor(String text) {
        seen = new CountDownLatch(1);
        watched = text;
        if (sawLine(text)) {
            seen.countDown();
        }
    }

    /** Whether the watched line was printed within {@code timeout}. */
    public boolean awaitLine(Duration timeout) throws InterruptedException {
        return seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean sawLine(String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }
    }

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Stops the app as a crash would (SIGKILL): nothing of it runs afterwards, not even a shutdown hook. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                String text = watched;
                if (text != null && line.contains(text)) {
                    seen.countDown();
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    /**
     * Asks the app to stop as an operator does (SIGTERM: its graceful shutdown runs) and waits up to {@code timeout}
     * for the process to end; whether it did.
     */
    public boolean terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the app gracefully, and kills it when it has not stopped within a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
