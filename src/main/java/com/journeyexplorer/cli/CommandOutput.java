package com.journeyexplorer.cli;

import java.io.PrintStream;
import java.util.List;

import com.journeyexplorer.ingest.ImportProblems;
import com.journeyexplorer.ingest.ImportRejectedException;
import com.journeyexplorer.ingest.ImportReport;
import com.journeyexplorer.ingest.InvalidImportOptionException;
import com.journeyexplorer.journey.PatternBudgetExceededException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where the outcome of an import goes, by {@code --report}: with {@code text}, the summary on standard output and a
 * refusal on standard error; with {@code json}, standard output carries one JSON document instead, the report or the
 * problem the HTTP API would answer ({@link JsonReport}), and standard error the same words as with {@code text}.
 * Returns the exit code of each refusal: 1 for rejected rows, 2 for an option.
 */
final class CommandOutput {

    private final PrintStream out;
    private final PrintStream err;
    /** The JSON writer, or null for {@code --report=text}. */
    private final JsonReport json;

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

    /** Refuses an option whose regular expression backtracked without end on a name; exit code 2. */
    int refusedExpression(PatternBudgetExceededException e) {
        err.println("error: --" + e.parameter() + " " + e.reason());
        if (json != null) {
            json.print(out, ImportProblems.costlyExpression(e));
        }
        return 2;
    }

    /**
     * Rejects the upload for its rows, each prefixed with its file when {@code files} names them (a bulk load of
     * several files); exit code 1.
     */
    int rejected(ImportRejectedException e, List<String> files) {
        ImportCommand.printRejection(err, e, files);
        if (json != null) {
            json.print(out, ImportProblems.invalidUpload(e));
        }
        return 1;
    }

    /** Prints what the import did: the summary ({@link ImportCommand#printSummary}) or the report; exit code 0. */
    int imported(ImportReport report, double seconds, List<String> errorFiles, boolean aggregated) {
        if (json != null) {
            json.print(out, report);
        } else {
            ImportCommand.printSummary(out, report, seconds, errorFiles, aggregated);
        }
        return 0;
    }
}
