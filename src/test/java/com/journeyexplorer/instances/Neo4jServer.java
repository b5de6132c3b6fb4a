package com.journeyexplorer.instances;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Neo4j server in a child JVM ({@link Neo4jServerMain}) on this test's class path: what several app instances share,
 * as they would share a Neo4j server in production, without Docker. {@link #close} stops it (SIGTERM: a clean
 * shutdown); {@link #kill} stops it as a crash would.
 */
final class Neo4jServer implements AutoCloseable {

    private final Process process;
    private final int boltPort;
    private final List<String> output = new ArrayList<>();

    private Neo4jServer(Process process, int boltPort) {
        this.process = process;
        this.boltPort = boltPort;
    }

    /** Starts a server on the store in {@code home}, Bolt on {@code port} (0: a free one), and waits for Bolt. */
    static Neo4jServer start(Path home, int port) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Neo4jServerMain.class.getName(), home.toString(),
                Integer.toString(port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith(Neo4jServerMain.READY)) {
                        return Integer.parseInt(line.substring(Neo4jServerMain.READY.length()).strip());
                    }
                }
                return -1;
            } catch (IOException e) {
                return -1;
            }
        });
        int bolt;
        try {
            bolt = ready.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            bolt = -1;
        }
        if (bolt < 0) {
            process.destroyForcibly();
            synchronized (lines) {
                throw new IllegalStateException("the Neo4j server did not start:\n" + String.join("\n", lines));
            }
        }
        Neo4jServer server = new Neo4jServer(process, bolt);
        Thread drain = new Thread(() -> server.drain(reader), "neo4j-server-output");
        drain.setDaemon(true);
        drain.start();
        return server;
    }

    int boltPort() {
        return boltPort;
    }

    /** The URI app instances are given as {@code spring.neo4j.uri}. */
    String uri() {
        return "bolt://localhost:" + boltPort;
    }

    /** Stops the server as a crash would (SIGKILL). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void drain(BufferedReader reader) {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }
}
