package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.TestData;
import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.HeldWriteLock;
import com.journeyexplorer.graph.JourneyChanges;
import com.journeyexplorer.graph.JourneyGraph;
import com.journeyexplorer.ingest.EventImporter;
import com.journeyexplorer.ingest.ImportOptions;
import com.journeyexplorer.ingest.ImportProgress;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Import jobs over real HTTP on the embedded Neo4j: uploads sent with {@code Prefer: respond-async} are answered 202
 * and imported in the background, polled at {@code Location}, and cancelled with {@code DELETE}. Each test leaves the
 * store as it found it or uses its own data.
 */
class ImportJobsApiTests extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RECEIPT = "/api/events?journeyColumn=case:concept:name&touchpointColumn=concept:name"
            + "&timestampColumn=time:timestamp&segmentColumn=case:channel";

    @Autowired
    JourneyGraph graph;

    @Autowired
    ImportJobs jobs;

    @Autowired
    EventImporter importer;

    @Autowired
    JourneysProperties properties;

    /** An answer with the headers an asynchronous upload is about. */
    record Answer(int status, String location, String preferenceApplied, JsonNode json) {
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Preference-Applied").orElse(null),
                    response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer postAsync(String pathAndQuery, String contentType, HttpRequest.BodyPublisher body, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", contentType)
                .header("Prefer", "respond-async").POST(body);
        return exchange(apiKey == null ? request.build() : request.header("X-API-Key", apiKey).build());
    }

    private Answer postAsync(String pathAndQuery, Path file) {
        try {
            return postAsync(pathAndQuery, "text/csv", HttpRequest.BodyPublishers.ofFile(file), API_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer postAsync(String pathAndQuery, String csv) {
        return postAsync(pathAndQuery, "text/csv", HttpRequest.BodyPublishers.ofString(csv), API_KEY);
    }

    private Answer deleteAnswer(String path) {
        return exchange(HttpRequest.newBuilder(uri(path)).header("X-API-Key", API_KEY).DELETE().build());
    }

    private Answer getJob(String location) {
        return exchange(HttpRequest.newBuilder(uri(location)).GET().build());
    }

    /** Polls a job until it has finished (at most a minute: a bound for a hung job, not a timing assertion). */
    private JsonNode awaitFinished(String location) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode job = getJob(location).json();
            if (List.of("done", "failed", "cancelled").contains(job.get("status").asString())) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + location + " did not finish: " + getJob(location).json());
    }

    private JsonNode awaitStatus(String location, String status) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode job = getJob(location).json();
            if (job.get("status").asString().equals(status)) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + location + " never got to " + status + ": " + getJob(location).json());
    }

    /** A report without what differs between two runs of the same import: its time and journal entry. */
    private static JsonNode comparable(JsonNode report) {
        ObjectNode copy = ((ObjectNode) report).deepCopy();
        copy.remove("millis");
        copy.remove("importId");
        return copy;
    }

    /** The stored journeys, transitions and projection, leaving out the journal's (:Import) entries. */
    private String storeWithoutJournal() {
        return storeState().replaceAll("Import=\\d+", "Import=*") + " " + get("/api/transitions").body();
    }

    /**
     * As {@link #storeWithoutJournal()}, leaving out the copies the journal keeps for undo too, and the ids of the
     * journeys each entry changed (which other instances read back).
     */
    private String journeysAndTransitions() {
        return storeWithoutJournal().replaceAll(
                "(PreviousVersion|PreviousTouchpoint|REPLACED|JourneyChange|CHANGED)=\\d+", "$1=*");
    }

    @Test
    void aJobPolledToCompletionGivesTheReportAndStatsOfASynchronousImport() throws Exception {
        Path file = TestData.file("pm4py-receipt/receipt.csv");
        String before = journeysAndTransitions();

        Answer accepted = postAsync(RECEIPT, file);

        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        assertThat(accepted.preferenceApplied()).isEqualTo("respond-async");
        String id = accepted.json().get("id").asString();
        assertThat(accepted.location()).isEqualTo("/api/imports/" + id);
        assertThat(accepted.json().get("status").asString()).isIn("queued", "reading", "writing");
        assertThat(accepted.json().get("bytesTotal").asLong()).isEqualTo(Files.size(file));

        JsonNode job = awaitFinished(accepted.location());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        JsonNode report = job.get("report");
        assertThat(report.get("journeysCreated").asLong()).isEqualTo(1434);
        assertThat(report.get("eventsImported").asLong()).isEqualTo(8577);
        assertThat(job.get("bytesRead").asLong()).isEqualTo(Files.size(file));
        assertThat(job.get("rowsRead").asLong()).isEqualTo(report.get("rowsRead").asLong());
        assertThat(job.get("journeysWritten").asLong()).isEqualTo(1434);
        assertThat(job.get("journeysTotal").asLong()).isEqualTo(1434);
        assertThat(job.get("secondsLeft").asLong()).isZero();
        assertThat(job.has("finishedAt")).isTrue();
        assertThat(job.has("problem")).isFalse();
        String statsAsync = get("/api/stats").body();
        String transitionsAsync = get("/api/transitions").body();

        // DELETE on a finished job undoes the import it wrote; then the same upload, synchronously.
        Answer undone = deleteAnswer(accepted.location());
        assertThat(undone.status()).as(String.valueOf(undone.json())).isEqualTo(200);
        assertThat(undone.json().get("undid").asString()).isEqualTo(report.get("importId").asString());
        JsonNode undoneJob = get(accepted.location()).json();
        assertThat(undoneJob.get("status").asString()).as(undoneJob.toString()).isEqualTo("undone");
        assertThat(undoneJob.get("entry").get("undoneBy").asString())
                .isEqualTo(undone.json().get("importId").asString());
        assertThat(undoneJob.get("report").get("importId").asString()).isEqualTo(report.get("importId").asString());
        assertThat(journeysAndTransitions()).isEqualTo(before);
        Response synchronous = postFile(RECEIPT, "text/csv", file);

        assertThat(synchronous.status()).as(synchronous.body()).isEqualTo(200);
        assertThat(comparable(synchronous.json())).isEqualTo(comparable(report));
        assertThat(get("/api/stats").body()).isEqualTo(statsAsync);
        assertThat(get("/api/transitions").body()).isEqualTo(transitionsAsync);
        String importId = synchronous.json().get("importId").asString();
        assertThat(deleteAnswer("/api/imports/" + importId).status()).isEqualTo(200);
    }

    @Test
    void aJobReadsTimesWithoutAnOffsetInTheUploadsZone() throws Exception {
        Answer accepted = postAsync("/api/events?openHorizon=0&zone=Europe/Paris", """
                journey_id,timestamp,touchpoint
                jobs-zone-1,2026-03-02 13:02:03,Jobs home
                """);
        JsonNode job = awaitFinished(accepted.location());

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("report").get("zone").asString()).isEqualTo("Europe/Paris");
        assertThat(get("/api/journeys/jobs-zone-1").json().get("startedAt").asString())
                .isEqualTo("2026-03-02T12:02:03Z");
    }

    @Test
    void aJobWithBadRowsFailsWithTheProblemOfTheSynchronousImportAndWritesNothing() throws Exception {
        String csv = """
                journey_id,timestamp,touchpoint
                jobs-bad-1,2026-03-01T10:00:00Z,Jobs home
                jobs-bad-1,not a time,Jobs cart
                """;
        String before = storeState();

        Answer accepted = postAsync("/api/events", csv);
        JsonNode job = awaitFinished(accepted.location());

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.has("report")).isFalse();
        JsonNode problem = job.get("problem");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asString()).endsWith("/invalid-upload");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/events");
        assertThat(problem.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("timestamp");
        assertThat(storeState()).isEqualTo(before);
        Response synchronous = post("/api/events", "text/csv", csv);
        assertThat(synchronous.status()).isEqualTo(400);
        assertThat(problem).isEqualTo(synchronous.json());
        Answer undo = deleteAnswer(accepted.location());
        assertThat(undo.status()).isEqualTo(409);
        assertThat(undo.json().get("detail").asString()).contains("failed");
    }

    @Test
    void cancellingAQueuedJobAndOneWaitingForAnotherWriteOfThisInstanceLeavesTheStoreAsItWas() throws Exception {
        String before = storeState();
        String instance = properties.instance().name();
        // Another write of this instance holds the lease until released: job A starts and waits for it, B queues.
        try (HeldWriteLock held = HeldWriteLock.hold(graph)) {
            Answer first = postAsync(RECEIPT, TestData.file("pm4py-receipt/receipt.csv"));
            JsonNode waiting = awaitStatus(first.location(), "waiting");
            assertThat(waiting.get("waitingFor").asString()).isEqualTo(instance);
            Answer second = postAsync("/api/journeys/aggregated?source=jobs-cancelled", "text/csv",
                    HttpRequest.BodyPublishers.ofFile(TestData.file("channelattribution/Data.csv")), API_KEY);
            assertThat(second.json().get("status").asString()).isEqualTo("queued");
            JsonNode listed = get("/api/imports?limit=2").json();
            assertThat(listed.get(0).get("id").asString()).isEqualTo(second.json().get("id").asString());
            assertThat(listed.get(0).get("status").asString()).isEqualTo("queued");
            assertThat(listed.get(1).get("id").asString()).isEqualTo(first.json().get("id").asString());
            assertThat(listed.get(1).get("status").asString()).isEqualTo("waiting");
            assertThat(listed.get(0).has("events")).as("not known before the upload is read: left out, not 0")
                    .isFalse();
            assertThat(listed.get(1).has("responses")).isFalse();

            Answer queued = deleteAnswer(second.location());
            assertThat(queued.status()).isEqualTo(200);
            assertThat(queued.json().get("status").asString()).isEqualTo("cancelled");
            // A stops waiting at its next look at the lease, while the other write still holds it.
            Answer stopped = deleteAnswer(first.location());
            assertThat(stopped.status()).as(String.valueOf(stopped.json())).isEqualTo(200);
            assertThat(stopped.json().get("status").asString()).isEqualTo("cancelled");
            assertThat(stopped.json().has("report")).isFalse();
            assertThat(stopped.json().has("problem")).isFalse();
            assertThat(getJob(second.location()).json().get("status").asString()).isEqualTo("cancelled");
            assertThat(deleteAnswer(second.location()).status()).isEqualTo(200);
        }
        assertThat(storeState()).isEqualTo(before);
        // The lease is free again for the next write.
        JsonNode after = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                jobs-after-cancel-1,2026-03-01T10:00:00Z,Jobs after cancel
                """);
        assertThat(after.get("journeysCreated").asLong()).isEqualTo(1);
        assertThat(deleteAnswer("/api/imports/" + after.get("importId").asString()).status()).isEqualTo(200);
    }

    @Test
    void writesWaitingForAnotherWriteOfThisInstanceTakeTheirTurnsInTheOrderTheyCameAndOneMayGiveUp() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean secondGivesUp = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        try (HeldWriteLock held = HeldWriteLock.hold(graph)) {
            for (String name : List.of("first", "second", "third")) {
                CountDownLatch waiting = new CountDownLatch(1);
                Thread writer = new Thread(() -> {
                    try {
                        graph.update(snapshot -> {
                            order.add(name);
                            return new JourneyChanges(snapshot.touchpoints(), List.of(), List.of(), List.of(),
                                    Map.of(), 0, 0, 0, 0);
                        }, (changes, after) -> null, new JourneyGraph.WriteProgress() {
                            @Override
                            public void written(long journeys, long total) {
                            }

                            @Override
                            public void waitingFor(String holder) {
                                waiting.countDown();
                                if (name.equals("second") && secondGivesUp.get()) {
                                    throw new IllegalStateException("gave up");
                                }
                            }
                        });
                    } catch (IllegalStateException e) {
                        order.add(name + " " + e.getMessage());
                    }
                }, "writer-" + name);
                writer.start();
                // Each is told it waits before the next comes (at most a minute: a bound, not a timing).
                assertThat(waiting.await(1, TimeUnit.MINUTES)).as(name + " told it waits").isTrue();
                writers.add(writer);
            }
            secondGivesUp.set(true);
            writers.get(1).join();
        }
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(order).containsExactly("second gave up", "first", "third");
    }

    @Test
    void anUploadWhoseClientStallsHalfwayHoldsUpNoOtherImport() throws Exception {
        String firstHalf = "journey_id,timestamp,touchpoint\njobs-stalled-1,2026-03-01T10:00:00Z,Jobs stalled home\n";
        String secondHalf = "jobs-stalled-1,2026-03-01T10:01:00Z,Jobs stalled cart\n";
        byte[] body = (firstHalf + secondHalf).getBytes(StandardCharsets.UTF_8);
        try (Socket stalled = new Socket("localhost", port)) {
            OutputStream out = stalled.getOutputStream();
            out.write(("POST /api/events?openHorizon=0 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "X-API-Key: " + API_KEY + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n"
                    + firstHalf).getBytes(StandardCharsets.UTF_8));
            out.flush();
            awaitKeptUpload();

            // Another client's import, while the first sends nothing more.
            JsonNode other = importCsv("?openHorizon=0", """
                    journey_id,timestamp,touchpoint
                    jobs-not-stalled-1,2026-03-01T10:00:00Z,Jobs not stalled
                    """);

            assertThat(other.get("journeysCreated").asLong()).isEqualTo(1);
            stalled.setSoTimeout(200);
            assertThatThrownBy(() -> stalled.getInputStream().read())
                    .as("the stalled upload is still open, unanswered").isInstanceOf(SocketTimeoutException.class);
            // The stalled client goes on: its upload is imported whole.
            stalled.setSoTimeout(60_000);
            out.write(secondHalf.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = new String(stalled.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200");
            // The report, without the chunk sizes around it.
            JsonNode report = JSON.readTree(answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1));
            assertThat(report.get("journeysCreated").asLong()).isEqualTo(1);
            assertThat(report.get("eventsImported").asLong()).isEqualTo(2);
            assertThat(keptUploads()).as("the kept body is deleted once imported").isEmpty();
            assertThat(deleteAnswer("/api/imports/" + report.get("importId").asString()).status()).isEqualTo(200);
            assertThat(deleteAnswer("/api/imports/" + other.get("importId").asString()).status()).isEqualTo(200);
        }
    }

    @Test
    void uploadsBeingReceivedCountWithTheJobsSoThatTheirDiskIsBounded() throws Exception {
        String firstHalf = "journey_id,timestamp,touchpoint\njobs-many-1,2026-03-01T10:00:00Z,Jobs many home\n";
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < ImportJobs.MAX_WAITING; i++) {
                Socket socket = new Socket("localhost", port);
                stalled.add(socket);
                socket.getOutputStream().write(("POST /api/events?openHorizon=0 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: text/csv\r\nX-API-Key: " + API_KEY + "\r\nContent-Length: 1000\r\n"
                        + "Connection: close\r\n\r\n" + firstHalf).getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            }
            for (int i = 0; i < 1200 && keptUploads().size() < ImportJobs.MAX_WAITING; i++) {
                Thread.sleep(50);
            }
            assertThat(keptUploads()).as("every stalled upload kept").hasSize(ImportJobs.MAX_WAITING);

            Response refused = post("/api/events?openHorizon=0", "text/csv", firstHalf);

            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.json().get("detail").asString()).contains(ImportJobs.MAX_WAITING + " import jobs and "
                    + "uploads are already being received");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        // The clients gone, their uploads are dropped and no longer counted.
        for (int i = 0; i < 1200 && !keptUploads().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(keptUploads()).isEmpty();
        JsonNode imported = importCsv("?openHorizon=0", firstHalf);
        assertThat(imported.get("journeysCreated").asLong()).isEqualTo(1);
        assertThat(deleteAnswer("/api/imports/" + imported.get("importId").asString()).status()).isEqualTo(200);
    }

    /** The uploads kept in the data directory (by jobs, or while a synchronous upload is received). */
    private List<Path> keptUploads() throws IOException {
        try (var kept = Files.list(properties.dataDir().resolve("uploads"))) {
            return kept.filter(path -> path.getFileName().toString().endsWith(ImportJobs.UPLOAD_SUFFIX)).toList();
        }
    }

    /** Waits until the server receives an upload into a kept file (at most a minute: a bound, not a timing). */
    private void awaitKeptUpload() throws Exception {
        for (int i = 0; i < 1200 && keptUploads().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(keptUploads()).as("the upload being received").isNotEmpty();
    }

    @Test
    void aJobCancelledAfterItsFirstBatchRollsBackWhatItWrote() throws Exception {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint\n");
        for (int i = 0; i < 1200; i++) {
            csv.append("jobs-batch-").append(i).append(",2026-04-01T10:00:00Z,Jobs landing\n");
            csv.append("jobs-batch-").append(i).append(",2026-04-01T10:01:00Z,Jobs product ").append(i % 7)
                    .append('\n');
        }
        Path upload = Files.createTempFile("jobs-test-", ".csv");
        Files.writeString(upload, csv);
        String before = storeWithoutJournal();
        ImportJob[] job = new ImportJob[1];
        job[0] = new ImportJob("jobs-batch", upload, (input, progress) -> importer.importEvents(input,
                EventImporter.Format.CSV, ImportOptions.defaults(Duration.ofMinutes(30)), new ImportProgress() {
                    @Override
                    public void rowsRead(long rows) {
                        progress.rowsRead(rows);
                    }

                    @Override
                    public void planned(long journeys) {
                        progress.planned(journeys);
                    }

                    @Override
                    public void written(long journeys, long total) {
                        // The first batch of 500 journeys is stored: cancel now, between batches.
                        job[0].cancel();
                        progress.written(journeys, total);
                    }
                }));

        job[0].run(failure -> jobs.problemOf(failure, "/api/events"));

        ImportJobStatus status = job[0].status();
        assertThat(status.status()).isEqualTo("cancelled");
        assertThat(status.journeysTotal()).isEqualTo(1200);
        assertThat(status.journeysWritten()).isEqualTo(500);
        assertThat(storeWithoutJournal()).isEqualTo(before);
        assertThat(get("/api/imports?limit=1").json().get(0).get("status").asString()).isEqualTo("rolled back");
        assertThat(Files.exists(upload)).isFalse();
    }

    @Test
    void anAggregatedUploadRunsAsAJob() throws Exception {
        Path file = TestData.file("channelattribution/Data.csv");
        long conversions = 0;
        long nulls = 0;
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(";");
            conversions += Long.parseLong(fields[1]);
            nulls += Long.parseLong(fields[3]);
        }
        long journeysBefore = get("/api/stats").json().get("journeys").asLong();

        Answer accepted = postAsync("/api/journeys/aggregated?source=jobs-aggregated", file);
        JsonNode job = awaitFinished(accepted.location());

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(lines.size() - 1);
        assertThat(job.get("report").get("rowsRead").asLong()).isEqualTo(lines.size() - 1);
        assertThat(get("/api/stats").json().get("journeys").asLong())
                .isEqualTo(journeysBefore + conversions + nulls);
        assertThat(job.get("report").get("totalJourneys").asLong()).isEqualTo(journeysBefore + conversions + nulls);
        assertThat(deleteAnswer(accepted.location()).status()).isEqualTo(200);
        assertThat(get("/api/stats").json().get("journeys").asLong()).isEqualTo(journeysBefore);
    }

    @Test
    void aJournalEntryIsAnsweredFromTheJournalAndAnUnknownIdIsNotFound() throws Exception {
        String csv = """
                journey_id,timestamp,touchpoint
                jobs-journal-1,2026-03-01T10:00:00Z,Jobs journal page
                """;
        Response imported = post("/api/events?openHorizon=0", "text/csv", csv);
        String importId = imported.json().get("importId").asString();

        JsonNode entry = get("/api/imports/" + importId).json();
        Response unknown = get("/api/imports/no-such-import");

        assertThat(entry.get("status").asString()).isEqualTo("done");
        assertThat(entry.get("journeysWritten").asLong()).isEqualTo(1);
        assertThat(entry.get("entry").get("kind").asString()).isEqualTo("import");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("type").asString()).endsWith("/not-found");

        // The same upload again changes nothing: the job is done without a journal entry, so there is nothing to undo.
        Answer again = postAsync("/api/events?openHorizon=0", csv);
        JsonNode job = awaitFinished(again.location());
        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(job.get("report").get("duplicateEvents").asLong()).isEqualTo(1);
        assertThat(job.get("report").has("importId")).isFalse();
        Answer nothing = deleteAnswer(again.location());
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.json().get("type").asString()).endsWith("/nothing-to-undo");
        assertThat(deleteAnswer("/api/imports/" + importId).status()).isEqualTo(200);
    }

    @Test
    void aFinishedJobSaysWhetherItsImportCanStillBeUndoneAsTheJournalListsIt() throws Exception {
        String csv = """
                journey_id,timestamp,touchpoint
                jobs-undoable-1,2026-03-01T10:00:00Z,Jobs undoable page
                """;
        Answer accepted = postAsync("/api/events?openHorizon=0", csv);
        JsonNode job = awaitFinished(accepted.location());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        String importId = job.get("report").get("importId").asString();

        assertThat(listedImport(importId).get("undoable").asBoolean()).isTrue();
        assertThat(job.get("undoable")).as(job.toString()).isEqualTo(listedImport(importId).get("undoable"));

        // The same upload again writes nothing: its job has no entry, and nothing to undo.
        JsonNode unchanged = awaitFinished(postAsync("/api/events?openHorizon=0", csv).location());
        assertThat(unchanged.get("report").has("importId")).isFalse();
        assertThat(unchanged.get("undoable")).as(unchanged.toString()).isEqualTo(BooleanNode.FALSE);

        assertThat(deleteAnswer(accepted.location()).status()).isEqualTo(200);
        JsonNode undone = getJob(accepted.location()).json();
        assertThat(undone.get("status").asString()).isEqualTo("undone");
        assertThat(listedImport(importId).get("undoable").asBoolean()).isFalse();
        assertThat(undone.get("undoable")).as(undone.toString()).isEqualTo(listedImport(importId).get("undoable"));
    }

    @Test
    void theOpenApiDescriptionTellsTheAsynchronousAnswer() {
        JsonNode paths = get("/v3/api-docs").json().get("paths");

        assertThat(paths.get("/api/events").get("post").get("responses").has("202")).isTrue();
        assertThat(paths.get("/api/journeys/aggregated").get("post").get("parameters"))
                .extracting(p -> p.get("name").asString()).contains("Prefer");
        assertThat(paths.get("/api/imports/{id}").has("get")).isTrue();
        assertThat(paths.get("/api/imports/{id}").get("delete").get("responses").has("202")).isTrue();
    }

    @Test
    void withoutThePreferenceAnUploadIsAnsweredAsBefore() {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/events?openHorizon=0"))
                .header("Content-Type", "text/csv").header("X-API-Key", API_KEY).header("Prefer", "return=minimal")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        journey_id,timestamp,touchpoint
                        jobs-sync-1,2026-03-01T10:00:00Z,Jobs sync page
                        """)).build();

        Answer answer = exchange(request);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.location()).isNull();
        assertThat(answer.preferenceApplied()).isNull();
        assertThat(answer.json().get("journeysCreated").asLong()).isEqualTo(1);
        assertThat(answer.json().has("status")).isFalse();
        assertThat(deleteAnswer("/api/imports/" + answer.json().get("importId").asString()).status()).isEqualTo(200);
    }

    @Test
    void badParametersAndAMissingKeyAreRefusedBeforeAnyJobIsMade() {
        int jobsBefore = jobs.unfinished().size();

        Answer badOption = postAsync("/api/events?onError=sometimes", "journey_id,timestamp,touchpoint\n");
        Answer badAggregated = postAsync("/api/journeys/aggregated?conversionTouchpoint=(start)", "path;x\n");
        Answer noKey = postAsync("/api/events", "text/csv",
                HttpRequest.BodyPublishers.ofString("journey_id,timestamp,touchpoint\n"), null);

        assertThat(badOption.status()).isEqualTo(400);
        assertThat(badOption.location()).isNull();
        assertThat(badOption.json().get("parameter").asString()).isEqualTo("onError");
        assertThat(badAggregated.status()).isEqualTo(400);
        assertThat(badAggregated.json().get("errors").get(0).get("field").asString())
                .isEqualTo("conversionTouchpoint");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(jobs.unfinished()).hasSize(jobsBefore);
    }
}
