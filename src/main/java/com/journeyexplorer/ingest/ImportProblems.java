package com.journeyexplorer.ingest;

import java.net.URI;

import com.journeyexplorer.journey.PatternBudgetExceededException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problems of a refused import, the same over HTTP (the API's problem advice answers them) and from the
 * command line ({@code import --report=json} prints them): a stable {@code type}, a {@code title}, the {@code status}
 * the HTTP API answers, a {@code detail}, and the members that name what was refused ({@code errors},
 * {@code errorCount}, {@code parameter}).
 */
public final class ImportProblems {

    /** What every problem type of the app begins with. */
    public static final String TYPE_BASE = "https://journeyexplorer.dev/problems/";

    private ImportProblems() {
    }

    /** An upload refused for its rows, or for a column a parameter names: 400, with the first bad rows. */
    public static ProblemDetail invalidUpload(ImportRejectedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-upload", "Invalid upload", e.getMessage());
        problem.setProperty("errors", e.errors());
        problem.setProperty("errorCount", e.errorCount());
        if (e.parameter() != null) {
            problem.setProperty("parameter", e.parameter());
        }
        return problem;
    }

    /** An option of the import with a value that cannot be used: 400 naming the parameter, and its column at fault. */
    public static ProblemDetail invalidOption(InvalidImportOptionException e) {
        ProblemDetail problem = invalidParameter(e.option(), "Parameter '" + e.option() + "' " + e.reason());
        if (e.column() != null) {
            problem.setProperty("column", e.column());
        }
        return problem;
    }

    /** A parameter refused with {@code detail}: 400 naming it. */
    public static ProblemDetail invalidParameter(String parameter, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
        problem.setProperty("parameter", parameter);
        return problem;
    }

    /**
     * A user's regular expression that backtracks without end, stopped: the parameter's problem, with the expression
     * and the name it was matching.
     */
    public static ProblemDetail costlyExpression(PatternBudgetExceededException e) {
        return costlyExpression(e, "request");
    }

    /** As {@link #costlyExpression(PatternBudgetExceededException)}, its detail naming {@code work} (an import). */
    public static ProblemDetail costlyExpression(PatternBudgetExceededException e, String work) {
        ProblemDetail problem = invalidParameter(e.parameter(), "Parameter '" + e.parameter() + "' " + e.reason(work));
        problem.setProperty("expression", e.expression());
        problem.setProperty("name", e.name());
        return problem;
    }

    /** A problem of type {@link #TYPE_BASE}{@code type}. */
    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
