package com.journeyexplorer.api;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

import com.journeyexplorer.analysis.WorkBudgetExceededException;
import com.journeyexplorer.analysis.chain.ChainNotSolvedException;
import com.journeyexplorer.graph.CypherFailedException;
import com.journeyexplorer.graph.CypherRefusedException;
import com.journeyexplorer.graph.GraphWriteException;
import com.journeyexplorer.graph.ImportsBusyException;
import com.journeyexplorer.graph.NotStoredException;
import com.journeyexplorer.graph.TransactionMemoryExceededException;
import com.journeyexplorer.graph.UndoConflictException;
import com.journeyexplorer.graph.UndoExpiredException;
import com.journeyexplorer.ingest.ImportPreview;
import com.journeyexplorer.ingest.ImportProblems;
import com.journeyexplorer.ingest.ImportRejectedException;
import com.journeyexplorer.ingest.PreviewRejectedException;
import com.journeyexplorer.ingest.InvalidImportOptionException;
import com.journeyexplorer.ingest.UploadTooLargeException;
import com.journeyexplorer.journey.PatternBudgetExceededException;

/**
 * Maps every failure to an RFC 9457 problem: a stable {@code type}, a human {@code title}, a {@code detail} a user
 * can act on, and fields such as {@code parameter} or {@code errors}. Stack traces, driver messages and Cypher never
 * reach a response. Spring MVC's own exceptions (bad media type, missing parameter, 404) are handled by the base class.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    static final String TYPE_BASE = ImportProblems.TYPE_BASE;
    /** The type and title the error page gives the container's own 400s, for the same kind of mistake. */
    private static final String BAD_REQUEST_TYPE = "bad-request";
    private static final String BAD_REQUEST_TITLE = "Bad Request";
    private static final String UNDECODABLE_QUERY = "the query string is not valid percent-encoded UTF-8";
    private static final String UNDECODABLE_FORM = "the form body (application/x-www-form-urlencoded) is not valid "
            + "percent-encoded UTF-8";
    private static final String PERCENT_ENCODING = ": write a % sign as %25, and any other character as the "
            + "percent-encoded bytes of its UTF-8 form (é as %C3%A9)";
    private static final String FIREWALL_PREFIX = "The request was rejected because ";
    private static final Pattern REFUSED_PARAMETER_NAME = Pattern.compile("parameter name \"(.*)\" is not allowed",
            Pattern.DOTALL);

    @ExceptionHandler
    ProblemDetail invalidUpload(ImportRejectedException e) {
        return ImportProblems.invalidUpload(e);
    }

    /** The import's problem, with the preview's columns and suggested mapping so that a client can offer another. */
    @ExceptionHandler
    ProblemDetail unreadablePreview(PreviewRejectedException e) {
        ProblemDetail problem = invalidUpload(e);
        ImportPreview columns = e.columns();
        problem.setProperty("format", columns.format());
        problem.setProperty("columns", columns.columns());
        problem.setProperty("mapping", columns.mapping());
        problem.setProperty("suggestedBy", columns.suggestedBy());
        problem.setProperty("parameters", columns.parameters());
        problem.setProperty("attributes", columns.attributes());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail uploadTooLarge(UploadTooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large",
                e.getMessage());
        problem.setProperty("limitBytes", e.limitBytes());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return ImportProblems.invalidParameter(e.parameter(), e.getMessage());
    }

    /** An import option is a query parameter of the import endpoints: the same problem as any invalid parameter. */
    @ExceptionHandler
    ProblemDetail invalidImportOption(InvalidImportOptionException e) {
        return ImportProblems.invalidOption(e);
    }

    /**
     * A user's regular expression that backtracks without end, stopped: the parameter's problem, with the expression
     * and the name it was matching.
     */
    @ExceptionHandler
    ProblemDetail patternBudgetExceeded(PatternBudgetExceededException e) {
        return ImportProblems.costlyExpression(e);
    }

    @ExceptionHandler
    ProblemDetail missingData(MissingDataException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "missing-data", "Not in the data",
                e.getMessage());
        problem.setProperty("parameter", e.parameter());
        problem.setProperty("missing", e.missing());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        problem.setProperty(e.kind(), e.name());
        if (e.parameter() != null) {
            problem.setProperty("parameter", e.parameter());
        }
        if (!e.known().isEmpty()) {
            problem.setProperty("known", e.known());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notStored(NotStoredException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        problem.setProperty(e.kind(), e.name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail undoConflict(UndoConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "undo-conflict", "Cannot be undone now",
                e.getMessage());
        problem.setProperty("import", e.importId());
        problem.setProperty("laterImports", e.laterImports());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail undoExpired(UndoExpiredException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "undo-expired", "Too old to undo", e.getMessage());
        problem.setProperty("import", e.importId());
        problem.setProperty("undoRetention", e.retention());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail cypherRefused(CypherRefusedException e) {
        return problem(HttpStatus.FORBIDDEN, "cypher-write-refused", "Query refused", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail cypherFailed(CypherFailedException e) {
        return switch (e.kind()) {
            case TIMEOUT -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "cypher-timeout", "Query too slow",
                    e.getMessage());
            case MEMORY -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "cypher-memory", "Query too large",
                    e.getMessage());
            case INVALID -> problem(HttpStatus.BAD_REQUEST, "invalid-cypher", "Invalid Cypher query", e.getMessage());
            case SHUTTING_DOWN -> problem(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "Shutting down",
                    e.getMessage());
        };
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                e.getMessage());
        problem.setProperty("maxConcurrent", e.concurrency());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> answersPending(AnswersPendingException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "answers-pending", "Answers pending",
                e.getMessage());
        problem.setProperty("limitBytes", e.limitBytes());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler
    ProblemDetail budgetExceeded(WorkBudgetExceededException e) {
        if (e.shuttingDown()) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "Shutting down",
                    "the server is shutting down and stopped this analysis; try again on another instance or later");
        }
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "analysis-too-slow", "Analysis too slow",
                e.getMessage() + "; narrow it with " + e.narrowingHint());
        problem.setProperty("narrowWith", e.narrowingHint());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail chainNotSolved(ChainNotSolvedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "chain-not-solved",
                "Markov chain not solved", e.getMessage());
        problem.setProperty("cycleStates", e.componentSize());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail writeFailed(GraphWriteException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                e.getMessage() + "; try again later");
    }

    /**
     * A write needed more memory than Neo4j allows: one transaction's bound (413, the same request fails again) or the
     * pool of all transactions (503); nothing was changed, and the detail says which setting bounds it.
     */
    @ExceptionHandler
    ProblemDetail transactionMemory(TransactionMemoryExceededException e) {
        ProblemDetail problem = e.bound() == TransactionMemoryExceededException.Bound.TRANSACTION
                ? problem(HttpStatus.CONTENT_TOO_LARGE, "transaction-memory", "Too large for one transaction",
                        e.getMessage())
                : problem(HttpStatus.SERVICE_UNAVAILABLE, "transaction-memory", "Database memory exhausted",
                        e.getMessage());
        problem.setProperty("bound", e.bound().name().toLowerCase(java.util.Locale.ROOT));
        problem.setProperty("setting", e.bound().setting());
        return problem;
    }

    /** Another instance wrote for the whole wait: nothing was changed, and the same request can be sent again. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> importsBusy(ImportsBusyException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "imports-busy", "Another instance is writing",
                e.getMessage());
        if (e.holder() != null) {
            problem.setProperty("holder", e.holder());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    @ExceptionHandler
    ProblemDetail databaseUnavailable(ServiceUnavailableException e) {
        log.warn("Neo4j unavailable", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "the Neo4j database cannot be reached; try again later");
    }

    /**
     * Neo4j answered that trying again may succeed: its database is stopping or starting (the host of an embedded
     * database that other instances use is restarting), a deadlock, a lock not had in time.
     */
    @ExceptionHandler
    ProblemDetail databaseBusy(TransientException e) {
        log.warn("Neo4j answered a transient error", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "the Neo4j database cannot answer at the moment; try again later");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupportedEncoding(UnsupportedContentEncodingException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .header(HttpHeaders.ACCEPT_ENCODING, e.accepted())
                .body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content-encoding",
                        "Unsupported content encoding", e.getMessage()));
    }

    /**
     * A query string Tomcat cannot decode ({@code %}, {@code %FF}, a cut UTF-8 sequence) fails where the parameters
     * are first read, in whichever endpoint: the client's mistake, so a 400 like a bare {@code %} in the path gets,
     * without a logged stack trace, naming the parameter whose value it is ({@link UndecodableQuery}).
     */
    @ExceptionHandler
    ProblemDetail undecodableQuery(org.apache.tomcat.util.http.InvalidParameterException e) {
        log.debug("Undecodable query string: {}", e.getMessage());
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes
                current ? current.getRequest() : null;
        String parameter = request != null ? UndecodableQuery.parameter(request.getQueryString()) : null;
        String tooMany = ContainerRefusals.tooMany(e);
        if (tooMany != null) {
            return problem(HttpStatus.BAD_REQUEST, BAD_REQUEST_TYPE, BAD_REQUEST_TITLE, tooMany);
        }
        if (request != null && UndecodableQuery.decodes(request.getQueryString())
                && MediaType.APPLICATION_FORM_URLENCODED_VALUE.equalsIgnoreCase(request.getContentType() == null
                        ? null : request.getContentType().split(";")[0].strip())) {
            // Tomcat reads a POSTed form's body as parameters too: the body, not the query, is what it refused.
            return problem(HttpStatus.BAD_REQUEST, BAD_REQUEST_TYPE, BAD_REQUEST_TITLE,
                    UNDECODABLE_FORM + PERCENT_ENCODING);
        }
        if (parameter == null) {
            return problem(HttpStatus.BAD_REQUEST, BAD_REQUEST_TYPE, BAD_REQUEST_TITLE,
                    UNDECODABLE_QUERY + PERCENT_ENCODING);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, BAD_REQUEST_TYPE, BAD_REQUEST_TITLE,
                UNDECODABLE_QUERY + " (the value of '" + parameter + "')" + PERCENT_ENCODING);
        problem.setProperty("parameter", parameter);
        return problem;
    }

    /**
     * The security firewall checks parameter names (and header names and values) when they are first read: one with
     * a control character or a character Unicode does not assign is refused there, a 400 as well.
     */
    @ExceptionHandler
    ProblemDetail refusedByFirewall(RequestRejectedException e) {
        log.debug("Request refused by the firewall: {}", e.getMessage());
        String message = String.valueOf(e.getMessage());
        Matcher name = REFUSED_PARAMETER_NAME.matcher(message);
        if (name.find()) {
            String parameter = name.group(1);
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, BAD_REQUEST_TYPE, BAD_REQUEST_TITLE,
                    "the query parameter name '" + parameter + "' is not allowed" + refusedCharacter(parameter));
            problem.setProperty("parameter", parameter);
            return problem;
        }
        String reason = message.startsWith(FIREWALL_PREFIX) ? message.substring(FIREWALL_PREFIX.length())
                : "the request holds a character that is not allowed";
        return problem(HttpStatus.BAD_REQUEST, BAD_REQUEST_TYPE, BAD_REQUEST_TITLE, reason.replaceAll("\\.$", ""));
    }

    @ExceptionHandler
    ProblemDetail unexpected(RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            // A wrapper around a malformed request is still the client's mistake.
            if (cause instanceof org.apache.tomcat.util.http.InvalidParameterException undecodable) {
                return undecodableQuery(undecodable);
            }
            if (cause instanceof RequestRejectedException refused) {
                return refusedByFirewall(refused);
            }
            // The container's refusal of a body's framing (broken chunks), wrapped by a reader that streams it.
            if (cause instanceof org.apache.coyote.BadRequestException unreadable) {
                log.debug("Unreadable request body: {}", unreadable.getMessage());
                return problem(HttpStatus.BAD_REQUEST, BAD_REQUEST_TYPE, BAD_REQUEST_TITLE,
                        ProblemErrorController.UNREADABLE_BODY);
            }
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the server failed to answer; the failure is logged");
    }

    /**
     * Spring MVC's own problems (404, 405, 415, a missing parameter ...) get a type of ours instead of about:blank; a
     * 415 names the media types the endpoint takes, as its {@code Accept} header does.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String title = known == null ? "Error" : known.getReasonPhrase();
            problem.setType(URI.create(TYPE_BASE + ProblemErrorController.slug(status.value(), title)));
            if (problem.getTitle() == null) {
                problem.setTitle(title);
            }
        }
        if (e instanceof NoResourceFoundException && response != null
                && response.getBody() instanceof ProblemDetail problem
                && request instanceof ServletWebRequest servlet
                && servlet.getRequest().getRequestURI().startsWith("/api/")) {
            problem.setDetail(noEndpoint(servlet.getRequest()));
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported && response != null
                && response.getBody() instanceof ProblemDetail problem && problem.getDetail() != null
                && !unsupported.getSupportedMediaTypes().isEmpty()) {
            problem.setDetail(problem.getDetail().replaceAll("\\.$", "") + "; this endpoint takes "
                    + MediaType.toString(unsupported.getSupportedMediaTypes()));
        }
        return response;
    }

    /**
     * What an address under {@code /api/} that names no endpoint (a typo, a trailing slash) should say instead of
     * Spring's "No static resource": that no endpoint is there, and where the endpoints are listed.
     */
    private static String noEndpoint(HttpServletRequest request) {
        String path = request.getRequestURI();
        String detail = "No endpoint at " + JourneyQuery.abbreviate(path) + " (" + request.getMethod() + ")";
        if (path.length() > "/api/".length() && path.endsWith("/")) {
            detail += ": the API's addresses end without a slash, as "
                    + JourneyQuery.abbreviate(path.replaceAll("/+$", ""));
        }
        return detail + "; the endpoints are listed at /v3/api-docs (and /swagger-ui.html)";
    }

    /** Names the first character that made the firewall refuse {@code name}, as U+0001. */
    private static String refusedCharacter(String name) {
        return name.codePoints().filter(c -> Character.isISOControl(c) || !Character.isDefined(c)).findFirst()
                .stream().mapToObj(c -> String.format(": it holds U+%04X, %s", c, Character.isISOControl(c)
                        ? "a control character" : "a character Unicode does not assign"))
                .findFirst().orElse("");
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
