package com.journeyexplorer.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.server.ResponseStatusException;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.ingest.ImportProblems;
import com.journeyexplorer.ingest.SizeLimitedInputStream;
import com.journeyexplorer.journey.PatternBudgetExceededException;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Imports run in the background ({@code Prefer: respond-async}): each upload is first kept in a temporary file (the
 * request ends before its import runs), then imported on one background thread, one job after the other, as the
 * graph's write lock would serialize them anyway. Jobs live in memory only: every unfinished job, and the last
 * {@value #KEPT_FINISHED} finished ones; the journal is the durable record of what an import wrote. At most
 * {@value #MAX_WAITING} jobs and synchronous event uploads are received, wait or run at once (more: 429), which bounds
 * the disk their kept uploads take to that many times {@code journeys.ingest.max-upload-size}. The kept uploads go to {@code <journeys.data-dir>/uploads},
 * beside the store they are imported into (the system's temporary directory is often a small memory-backed disk), and
 * are deleted when their job ends; those a killed process left behind are deleted at the next start. A synchronous
 * event upload is kept there too while it is received ({@link #keep}), and deleted once imported.
 */
@Component
class ImportJobs {

    static final int KEPT_FINISHED = 100;
    static final int MAX_WAITING = 20;
    static final String RESPOND_ASYNC = "respond-async";
    static final String UPLOAD_PREFIX = "upload-";
    static final String UPLOAD_SUFFIX = ".part";

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final ExceptionHandlerMethodResolver HANDLERS =
            new ExceptionHandlerMethodResolver(ProblemAdvice.class);

    private final ProblemAdvice problems;
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "import-jobs");
        thread.setDaemon(true);
        return thread;
    });

    private final Path uploads;
    /** Synchronous event uploads being received or imported ({@link #keepSynchronous}), counted with the jobs. */
    private final AtomicInteger synchronousUploads = new AtomicInteger();

    ImportJobs(ProblemAdvice problems, JourneysProperties properties) throws IOException {
        this.problems = problems;
        this.uploads = properties.dataDir().resolve("uploads");
        Files.createDirectories(uploads);
        deleteLeftovers();
    }

    /** Deletes the kept uploads of jobs that a stopped process never finished: jobs do not outlive the process. */
    private void deleteLeftovers() throws IOException {
        try (var leftovers = Files.newDirectoryStream(uploads, UPLOAD_PREFIX + "*" + UPLOAD_SUFFIX)) {
            for (Path leftover : leftovers) {
                log.info("Deleting {}, the upload of an import job that the last run did not finish", leftover);
                Files.deleteIfExists(leftover);
            }
        }
    }

    /**
     * Keeps the upload {@code body} in a temporary file (at most {@code limit} bytes, else
     * {@link com.journeyexplorer.ingest.UploadTooLargeException} and nothing is kept) and queues {@code work} on it.
     * O(upload) disk and time; the memory of a copy buffer. {@code path} is the endpoint, the {@code instance} of a
     * failed job's problem.
     */
    ImportJob submit(String path, InputStream body, long limit, ImportJob.Work work) throws IOException {
        if (waiting() + synchronousUploads.get() >= MAX_WAITING) {
            throw tooMany();
        }
        Path upload = keep(body, limit);
        ImportJob job;
        try {
            job = new ImportJob(UUID.randomUUID().toString(), upload, work);
            synchronized (this) {
                jobs.put(job.id(), job);
            }
            executor.execute(() -> run(job, path));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(upload);
            if (e instanceof RejectedExecutionException) {
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the server is shutting down");
            }
            throw e;
        }
        return job;
    }

    private static ResponseStatusException tooMany() {
        return new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, MAX_WAITING + " import jobs and uploads are "
                + "already being received, waiting or running; try again when one has finished");
    }

    /**
     * Keeps the upload {@code body} of a synchronous import in a temporary file beside the jobs' (at most
     * {@code limit} bytes, else {@link com.journeyexplorer.ingest.UploadTooLargeException} and nothing is kept), for
     * the caller to read and then {@link #release}: so that the write lock and the imports lease are not held while
     * its client sends the body (a client that stalls holds nothing). Counted with the jobs until released: a 429 when
     * {@value #MAX_WAITING} are received, wait or run already, as the uploads waiting for their turn take disk now
     * where they used to wait unread. O(upload) disk and time; the memory of a copy buffer.
     */
    Path keepSynchronous(InputStream body, long limit) throws IOException {
        if (synchronousUploads.incrementAndGet() + waiting() > MAX_WAITING) {
            synchronousUploads.decrementAndGet();
            throw tooMany();
        }
        try {
            return keep(body, limit);
        } catch (IOException | RuntimeException e) {
            synchronousUploads.decrementAndGet();
            throw e;
        }
    }

    /** Deletes the upload {@link #keepSynchronous} kept, once imported (or refused), and stops counting it. */
    void release(Path kept) throws IOException {
        try {
            Files.deleteIfExists(kept);
        } finally {
            synchronousUploads.decrementAndGet();
        }
    }

    /**
     * Keeps the upload {@code body} in a temporary file (at most {@code limit} bytes, else
     * {@link com.journeyexplorer.ingest.UploadTooLargeException} and nothing is kept). O(upload) disk and time.
     */
    private Path keep(InputStream body, long limit) throws IOException {
        Path upload = Files.createTempFile(uploads, UPLOAD_PREFIX, UPLOAD_SUFFIX);
        try (InputStream in = new SizeLimitedInputStream(body, limit);
                OutputStream out = Files.newOutputStream(upload)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(upload);
            throw e;
        }
        return upload;
    }

    /**
     * Whether the request asks for an asynchronous answer: a {@code Prefer} header (RFC 7240) with the preference
     * {@code respond-async}, among others or not, in any letter case.
     */
    static boolean respondAsync(HttpServletRequest request) {
        var headers = request.getHeaders("Prefer");
        while (headers != null && headers.hasMoreElements()) {
            for (String preference : headers.nextElement().split(",")) {
                String token = preference.split("[;=]", 2)[0].strip();
                if (token.equalsIgnoreCase(RESPOND_ASYNC)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The 202 of a queued job: where to poll it ({@code Location}), the preference applied, and its status. */
    static ResponseEntity<ImportJobStatus> accepted(ImportJob job) {
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id()))
                .header("Preference-Applied", RESPOND_ASYNC).body(job.status());
    }

    private void run(ImportJob job, String path) {
        try {
            job.run(e -> problemOf(e, path));
        } finally {
            forgetOldFinished();
        }
    }

    Optional<ImportJob> find(String id) {
        synchronized (this) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** The jobs that wait or run, newest first. */
    synchronized List<ImportJob> unfinished() {
        List<ImportJob> open = new ArrayList<>();
        for (ImportJob job : jobs.values()) {
            if (!job.state().finished()) {
                open.add(0, job);
            }
        }
        return open;
    }

    private synchronized int waiting() {
        int n = 0;
        for (ImportJob job : jobs.values()) {
            if (!job.state().finished()) {
                n++;
            }
        }
        return n;
    }

    private synchronized void forgetOldFinished() {
        int finished = jobs.size() - waiting();
        Iterator<ImportJob> oldestFirst = jobs.values().iterator();
        while (finished > KEPT_FINISHED && oldestFirst.hasNext()) {
            if (oldestFirst.next().state().finished()) {
                oldestFirst.remove();
                finished--;
            }
        }
    }

    /**
     * The RFC 9457 problem the synchronous import would have answered for {@code failure}, as JSON fields: the
     * handler of {@link ProblemAdvice} that a request would have gone to; a regular expression that spent the budget
     * of its matches says it was this import's, as the command line does, not this request's (the job's request has
     * ended).
     */
    Map<String, Object> problemOf(RuntimeException failure, String path) {
        if (failure instanceof PatternBudgetExceededException costly) {
            return fields(ImportProblems.costlyExpression(costly, "import"), path);
        }
        Method handler = HANDLERS.resolveMethodByThrowable(failure);
        Object answer = null;
        if (handler != null && handler.getParameterCount() == 1
                && handler.getParameterTypes()[0].isInstance(failure)) {
            ReflectionUtils.makeAccessible(handler);
            try {
                answer = handler.invoke(problems, failure);
            } catch (IllegalAccessException | InvocationTargetException e) {
                log.error("Could not describe the failure of an import job", e);
            }
        }
        if (answer instanceof ResponseEntity<?> entity) {
            answer = entity.getBody();
        }
        return fields(answer instanceof ProblemDetail detail ? detail : problems.unexpected(failure), path);
    }

    /** {@code problem} as JSON fields, its {@code instance} the endpoint {@code path}. */
    private static Map<String, Object> fields(ProblemDetail problem, String path) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        fields.put("instance", path);
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        return fields;
    }

    /**
     * At shutdown: queued jobs are cancelled, a running one is asked to stop (what it wrote is rolled back, or at
     * the next start if the store closes first), and their kept uploads are deleted.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        for (ImportJob job : unfinished()) {
            job.cancel();
        }
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("An import job did not stop within 30 s; the journal rolls it back at the next start");
        }
    }
}
