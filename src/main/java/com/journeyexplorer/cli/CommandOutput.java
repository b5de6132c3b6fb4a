package com.journeyexplorer.cli;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.journeyexplorer.ingest.ImportProblems;
import com.journeyexplorer.ingest.ImportRejectedException;
import com.journeyexplorer.ingest.ImportReport;
import com.journeyexplorer.ingest.InvalidImportOptionException;
import com.journeyexplorer.ingest.RowError;
import com.journeyexplorer.journey.PatternBudgetExceededException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where the outcome of an import goes, by {@code --report}: with {@code text}, the summary on standard output and a
 * refusal on standard error; with {@code json}, standard output carries one JSON document instead, the report or the
 * problem the HTTP API would answer ({@link JsonReport}), and standard error the same words as with {@code text}.
 * Returns the exit code of each refusal: 1 for rejected rows, 2 for an option, a file or the store.
 */
final class CommandOutput {

    private final PrintStream out;
    private final PrintStream err;
    /** The JSON writer, or null for {@code --report=text}. */
    private final JsonReport json;

    /** A bad row, as the API's row errors are written, with the file it is in first. */
    record FileRowError(String file, long line, String field, String reason) {

        /** {@code errors}, each named with its file ({@code files}, in the order of the errors). */
        static List<FileRowError> of(List<RowError> errors, List<String> files) {
            List<FileRowError> named = new ArrayList<>();
            for (int i = 0; i < errors.size(); i++) {
                RowError error = errors.get(i);
                named.add(new FileRowError(i < files.size() ? files.get(i) : null, error.line(), error.field(),
                        error.reason()));
            }
            return named;
        }
    }

    private CommandOutput(PrintStream out, PrintStream err, JsonReport json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** The output of {@code --report=json} when {@code json}, else of {@code --report=text}. */
    static CommandOutput of(PrintStream out, PrintStream err, boolean json) {
        return new CommandOutput(out, err, json ? JsonReport.beforeTheApp() : null);
    }

    /** This output writing its JSON with the app's mapper, once the app's settings are read. */
    CommandOutput withAppMapper(JsonMapper mapper) {
        return json == null ? this : new CommandOutput(out, err, new JsonReport(mapper));
    }

    /** Refuses {@code option}, saying {@code message} (in the command line's words); exit code 2. */
    int refusedOption(String option, String message) {
        err.println("error: " + message);
        if (json != null) {
            json.print(out, ImportProblems.invalidParameter(option, message));
        }
        return 2;
    }

    /** Refuses an option with a value the import cannot use; exit code 2. */
    int refusedOption(InvalidImportOptionException e) {
        err.println("error: --" + e.option() + " " + OptionWording.of(e.reason()));
        if (json != null) {
            json.print(out, ImportProblems.invalidOption(e));
        }
        return 2;
    }

    /**
     * Refuses an option whose regular expression backtracked without end on a name, or spent the run's budget (named
     * "this import"); exit code 2.
     */
    int refusedExpression(PatternBudgetExceededException e) {
        err.println("error: --" + e.parameter() + " " + e.reason("import"));
        if (json != null) {
            json.print(out, ImportProblems.costlyExpression(e, "import"));
        }
        return 2;
    }

    /**
     * Refuses the command line for what {@code message} says (no file given, a file that cannot be read): a 400 of
     * the type the API gives a request it cannot take; exit code 2.
     */
    int refusedUsage(String message) {
        return failed(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request", message, null);
    }

    /**
     * Refuses {@code file}, which cannot be read (missing, unreadable, a directory), for what {@code message} says,
     * naming it in the problem's {@code file}: a 400 {@code bad-request}, as the API has no file to miss; exit code 2.
     */
    int refusedFile(String file, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request", message);
        problem.setProperty("file", file);
        return refused(message, problem);
    }

    /**
     * Refuses an empty {@code file}: the {@code invalid-upload} problem the API answers an empty body, its error at
     * line 1, naming the file in {@code file}; exit code 2, as a file checked before the database starts.
     */
    int refusedEmptyFile(String file) {
        String message = file + " is empty: nothing to import (a header row or an event is expected)";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-upload", "Invalid upload", message);
        problem.setProperty("errors", List.of(new RowError(1, null, "the file is empty")));
        problem.setProperty("errorCount", 1);
        problem.setProperty("file", file);
        return refused(message, problem);
    }

    /** Prints {@code message} on standard error, and with {@code json} {@code problem} on standard output; 2. */
    private int refused(String message, ProblemDetail problem) {
        err.println("error: " + message);
        if (json != null) {
            json.print(out, problem);
        }
        return 2;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ImportProblems.TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /**
     * The database cannot be opened (an app runs on it, the Bolt port is taken), {@code hint} saying what to do on a
     * line of its own: the API's 503 of an unavailable database; exit code 2.
     */
    int unavailable(String message, String hint) {
        return failed(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable", message, hint);
    }

    /** A bulk load the store refuses (in use, or not empty), nothing written: a 409; exit code 2. */
    int refusedStore(String message) {
        return failed(HttpStatus.CONFLICT, "conflict", "Conflict", message, null);
    }

    /** The import failed for another reason ({@code hint} on a line of its own, or null): a 500; exit code 2. */
    int failed(String message, String hint) {
        return failed(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error", message, hint);
    }

    /**
     * Prints {@code message} and {@code hint} (or null) on standard error, and with {@code json} their problem of
     * {@code type}, {@code title} and {@code status} on standard output; exit code 2.
     */
    private int failed(HttpStatus status, String type, String title, String message, String hint) {
        err.println("error: " + message);
        if (hint != null) {
            err.println(hint);
        }
        if (json != null) {
            json.print(out, problem(status, type, title, hint == null ? message : message + ". " + hint));
        }
        return 2;
    }

    /**
     * Rejects the upload for its rows, each named with its file ({@code files}, in the order of the errors: the one
     * file imported, or the file of each row of a bulk load), on standard error and in the problem's errors
     * ({@code file} beside line, field and reason); exit code 1.
     */
    int rejected(ImportRejectedException e, List<String> files) {
        ImportCommand.printRejection(err, e, files);
        if (json != null) {
            ProblemDetail problem = ImportProblems.invalidUpload(e);
            problem.setProperty("errors", FileRowError.of(e.errors(), files));
            json.print(out, problem);
        }
        return 1;
    }

    /**
     * Prints what the import did: the summary ({@link ImportCommand#printSummary}) or the report, its rows passed over
     * by {@code --onError=skip} named with their file ({@code errorFiles}) as a rejection's are; exit code 0.
     */
    int imported(ImportReport report, double seconds, List<String> errorFiles, boolean aggregated) {
        if (json != null) {
            json.print(out, report, "errors", FileRowError.of(report.errors(), errorFiles));
        } else {
            ImportCommand.printSummary(out, report, seconds, errorFiles, aggregated);
        }
        return 0;
    }
}
