package com.journeyexplorer.api;

import java.net.URI;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.journeyexplorer.analysis.chain.ChainNotSolvedException;
import com.journeyexplorer.graph.CypherFailedException;
import com.journeyexplorer.graph.CypherRefusedException;
import com.journeyexplorer.graph.GraphWriteException;
import com.journeyexplorer.ingest.ImportRejectedException;
import com.journeyexplorer.ingest.UploadTooLargeException;

/**
 * Maps every failure to an RFC 9457 problem: a stable {@code type}, a human {@code title}, a {@code detail} a user
 * can act on, and fields such as {@code parameter} or {@code errors}. Stack traces, driver messages and Cypher never
 * reach a response. Spring MVC's own exceptions (bad media type, missing parameter, 404) are handled by the base class.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    static final String TYPE_BASE = "https://journeyexplorer.dev/problems/";

    @ExceptionHandler
    ProblemDetail invalidUpload(ImportRejectedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-upload", "Invalid upload", e.getMessage());
        problem.setProperty("errors", e.errors());
        problem.setProperty("errorCount", e.errorCount());
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
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        problem.setProperty(e.kind(), e.name());
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
            case INVALID -> problem(HttpStatus.BAD_REQUEST, "invalid-cypher", "Invalid Cypher query", e.getMessage());
        };
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

    @ExceptionHandler
    ProblemDetail databaseUnavailable(ServiceUnavailableException e) {
        log.warn("Neo4j unavailable", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "the Neo4j database cannot be reached; try again later");
    }

    @ExceptionHandler
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the server failed to answer; the failure is logged");
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
