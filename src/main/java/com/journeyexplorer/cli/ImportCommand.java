package com.journeyexplorer.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.journeyexplorer.JourneyExplorerApplication;
import com.journeyexplorer.config.EmbeddedNeo4jFailureAnalyzer;
import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.ingest.AggregatedPathImporter;
import com.journeyexplorer.ingest.AggregatedPathOptions;
import com.journeyexplorer.ingest.EventImporter;
import com.journeyexplorer.ingest.ImportParameters;
import com.journeyexplorer.ingest.ImportOptions;
import com.journeyexplorer.ingest.ImportWarning;
import com.journeyexplorer.ingest.RuleMatches;
import com.journeyexplorer.ingest.ImportRejectedException;
import com.journeyexplorer.ingest.InvalidImportOptionException;
import com.journeyexplorer.ingest.ImportReport;
import com.journeyexplorer.ingest.RowError;
import com.journeyexplorer.ingest.TouchpointCleaning;
import com.journeyexplorer.ingest.Upload;
import com.journeyexplorer.journey.PatternBudget;
import com.journeyexplorer.journey.PatternBudgetExceededException;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar journey-explorer.jar import FILE [options]}: imports a file into the database in {@code
 * journeys.data-dir} (or the server named by {@code spring.neo4j.uri}) without starting the web server, with a
 * progress bar on standard error and a summary at the end, alone on standard output (with {@code --report=json},
 * the report or problem the HTTP API answers, as JSON). Exit codes: 0 imported, 1 rejected, 2 usage or environment
 * error.
 */
public final class ImportCommand {

    static final String USAGE = """
            Usage: java -jar journey-explorer.jar import FILE [options]
                   java -jar journey-explorer.jar import --bulk FILE... [options]

            Imports touchpoint events (CSV, NDJSON or an XES event log, by extension, --format or the first
            character; .gz files and other gzip data are decompressed) or, with --aggregated,
            aggregated path counts, into the same database the app uses. FILE may be a pipe, or - for
            standard input (zcat events.csv.gz | java -jar journey-explorer.jar import - ...). Stop the
            app first when it runs on the embedded database in the same data directory (or send the file
            to it: curl --data-binary @FILE -H 'Content-Type: text/csv' http://localhost:8080/api/events).
            The import's database listens for Bolt on a free port unless --journeys.neo4j.embedded.bolt-port
            is given. The summary is printed on standard output, alone; the progress, the errors and any
            warning of the app (--logging.level.root=info: its log lines too) on standard error. With
            --report=json (in any case, as the other options' words), standard output carries one JSON
            document instead: the report the HTTP API answers, or the problem it answers for a refused import,
            option, file or store (exit code 1 or 2).

            With --bulk, the first import into an empty store: one or several event files, read as one
            upload with the same columns, rules, validation and report, written as store files by Neo4j's
            parallel batch importer (faster than the online import). The app must not be running;
            a store that holds any data is refused.

            Options (the same names as the HTTP query parameters):
              --bulk                       bulk-load FILE... into an empty store (not with --aggregated)
              --report=text|json           the summary (default), or the report as JSON
              --format=csv|ndjson|xes      input format (default: from the file extension, else sniffed)
              --aggregated                 the file holds aggregated paths (path;total_conversions;...)
              --journeyColumn=NAME         and timestampColumn, touchpointColumn, channelColumn, stageColumn,
                                           customerColumn, ownerColumn, typeColumn, valueColumn, segmentColumn,
                                           deviceColumn, eventIdColumn, scoreColumn, scaleColumn,
                                           commentColumn; --journeyColumn=A,B names a journey by the values of
                                           several columns together (a list like --purchase)
              --orderColumn=NAME           orders a journey's events of the same time by this column's values
                                           (numbers as numbers, then text, then events without one);
                                           --orderColumn=A,B by A's values, then B's (a list like --purchase)
              --scale=nps|csat|ces|rating|sentiment  the scale of scored rows without a scale column
              --purchase=A,B               touchpoints whose events are purchases; quote a name with a comma
                                           ("Pay, now",B) or repeat the option (--purchase=A --purchase=B)
              --competitor=LIST|REGEX      competitor touchpoints (a list like --purchase, or a regex; repeated,
                                           each value is one name or regex)
              --frustration=A,B            touchpoints whose events are frustration signals (a rage click, an
                                           error event) at the page visited just before (a list like --purchase)
              --eventColumn=NAME           the column of the event's name (GA4 event_name, PostHog event)
              --events=A,B                 the event names whose rows become steps; other rows are passed over
                                           and counted (a list like --purchase; needs --eventColumn)
              --purchaseEvent=A,B          events of these names are purchases at their page (GA4: purchase)
              --frustrationEvent=A,B       events of these names are frustration signals at their own page
                                           (PostHog: $rageclick); --abandonEvent=A,B likewise abandons. Rows
                                           these rules name are kept without --events; a purchase by any rule or
                                           type wins, then an abandon, then a frustration signal
              --urls=path|host-path        name a page by its address without query string and fragment: its
                                           path (/product/123), or host and path (shop.example/product/123)
              --rewrite='REGEX -> TEXT'    rewrite touchpoint names (after --urls), each rule in order; repeats
                                           (--rewrite='/product/\\d+ -> /product/:id'); the rules match the result
              --timestampFormat=FORMAT     auto (default: ISO-8601, or epoch seconds below 10^11, milliseconds
                                           below 10^14, microseconds below 10^17, else nanoseconds), iso,
                                           epoch-seconds, epoch-millis, epoch-micros, epoch-nanos, or a pattern
                                           such as 'dd/MM/yyyy HH:mm:ss'
              --zone=ZONE                  time zone of the times without an offset: Europe/Paris, +02:00,
                                           UTC (default: the setting journeys.ingest.default-zone, UTC)
              --decimal=point|comma        how values write their decimals (12.50 or 12,50)
              --sessionize=journey|customer  customer: split each customer's events by inactivity even when
                                           the file has a journey id column
              --onError=reject|skip        reject the file on any bad row (default), or import the good rows
              --delimiter=C                CSV delimiter (default ',' ; aggregated: detected)
              --sessionGap=30m             inactivity that splits a customer's events into journeys
              --openHorizon=30d            journeys without purchase ending this close to the latest event
                                           are still in progress (OPEN); 0: every journey is finished
              --journeys.data-dir=DIR      any application setting

            With --aggregated (and --valueColumn, --delimiter, --competitor, --onError, --urls, --rewrite
            as above, which clean the steps' names; paths that become the same add their counts; the other
            event options, such as --zone, are refused, as the options below are without --aggregated):
              --source=NAME                names the data set: importing the same source again replaces its
                                           counts (default: aggregated)
              --pathColumn=NAME            the paths (default: path)
              --conversionsColumn=NAME     the conversion counts (default: total_conversions; their value:
                                           --valueColumn, default total_conversion_value)
              --nullsColumn=NAME           the non-conversion counts (default: total_null, else
                                           total_non_conversions)
              --separator=TEXT             between the steps of a path (default: >; spaces around it ignored)
              --conversionTouchpoint=NAME  where the purchase event that ends each converting path happens
                                           (default: Conversion)
            """;

    private static final List<String> EVENT_PARAMETERS = List.of("journeyColumn", "timestampColumn",
            "touchpointColumn", "channelColumn", "stageColumn", "customerColumn", "ownerColumn", "typeColumn",
            "valueColumn", "segmentColumn", "deviceColumn", "eventIdColumn", "scoreColumn", "scaleColumn",
            "commentColumn", "scale", "purchase", "competitor", "frustration", "urls", "rewrite", "onError",
            "delimiter", "sessionGap", "timestampFormat", "zone", "decimal", "sessionize", "openHorizon",
            "orderColumn", "eventColumn", "events", "purchaseEvent", "frustrationEvent", "abandonEvent");
    private static final List<String> AGGREGATED_PARAMETERS = List.of("pathColumn", "conversionsColumn",
            "nullsColumn", "separator", "source", "conversionTouchpoint");

    /**
     * The event options that aggregated paths have no use for, which an import of them would ignore, each with why
     * (added to the refusal): the others ({@code valueColumn}, {@code delimiter}, {@code competitor}, {@code onError},
     * {@code urls}, {@code rewrite}) are read by both.
     */
    private static final Map<String, String> EVENT_ONLY = eventOnly();

    /** The values of {@code --report}. */
    private static final Set<String> REPORTS = Set.of("text", "json");

    /** The options that take no value: given, they are true ({@code --bulk=false} is taken as written too). */
    private static final Set<String> FLAGS = Set.of("bulk", "aggregated");

    /**
     * The outcome rules, which repeat like the HTTP parameters, each value one whole name, the rewrite rules, the
     * journey's columns, the order columns and the rules by event name; no other option does.
     */
    private static final Set<String> REPEATABLE = Set.of("purchase", "competitor", "frustration", "rewrite",
            "journeyColumn", "orderColumn", "events", "purchaseEvent", "frustrationEvent", "abandonEvent");

    /** The file name that stands for standard input: {@code zcat events.csv.gz | java -jar ... import -}. */
    static final String STANDARD_INPUT = "-";

    /** Every option of the import, sorted; an undotted name outside it is a misspelt option, not an app setting. */
    static final Set<String> OPTIONS = options();

    /**
     * The settings the command starts Spring with, below every other source (a {@code --logging.level.root=info}
     * shows the app's log lines again): warnings and errors only, on standard error with the progress.
     */
    static final Map<String, Object> QUIET = Map.of("logging.level.root", "warn");

    private ImportCommand() {
    }

    private static Map<String, String> eventOnly() {
        String times = ": they have no times";
        String columns = ": their columns are --pathColumn, --conversionsColumn, --valueColumn and --nullsColumn";
        Map<String, String> why = new TreeMap<>();
        for (String name : List.of("timestampColumn", "timestampFormat", "zone", "sessionGap", "openHorizon",
                "sessionize", "orderColumn")) {
            why.put(name, times);
        }
        for (String name : List.of("journeyColumn", "touchpointColumn", "channelColumn", "stageColumn",
                "customerColumn", "ownerColumn", "typeColumn", "segmentColumn", "deviceColumn", "eventIdColumn",
                "scoreColumn", "scaleColumn", "commentColumn", "scale")) {
            why.put(name, columns);
        }
        why.put("decimal", ": their values are read with a decimal point");
        why.put("purchase", ": a converting path ends with a purchase at --conversionTouchpoint");
        why.put("frustration", ": their steps are no events that could be frustration signals");
        why.put("format", ": they are read as CSV");
        for (String name : List.of("eventColumn", "events", "purchaseEvent", "frustrationEvent", "abandonEvent")) {
            why.put(name, ": their steps have no event names");
        }
        return Collections.unmodifiableMap(why);
    }

    private static Set<String> options() {
        Set<String> known = new TreeSet<>(EVENT_PARAMETERS);
        known.addAll(AGGREGATED_PARAMETERS);
        known.addAll(List.of("format", "aggregated", "bulk", "report"));
        return Collections.unmodifiableSet(known);
    }

    /**
     * Runs the command on the process's console: standard output carries the result alone (the summary, or the
     * usage), so that a script can read it ({@code import ... > summary.txt}); whatever Spring, Neo4j or another
     * library prints there goes to standard error instead, with the progress bars and the errors.
     */
    public static int runOnTheConsole(String[] args) {
        PrintStream out = System.out;
        System.setOut(System.err);
        return run(args, System.in, out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs the command; a file named {@value #STANDARD_INPUT} is read from {@code stdin}. */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        String report = reportOf(args).strip().toLowerCase(Locale.ROOT);
        if (!REPORTS.contains(report)) {
            err.println("error: --report must be text (the summary) or json (the report as the HTTP API answers "
                    + "it), was '" + reportOf(args) + "'");
            return 2;
        }
        CommandOutput output = CommandOutput.of(out, err, report.equals("json"));
        Map<String, String> options = new HashMap<>();
        Map<String, List<String>> repeated = new HashMap<>();
        List<String> springArgs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (arg.startsWith("--")) {
                String[] pair = arg.substring(2).split("=", 2);
                String name = pair[0];
                String value = pair.length > 1 ? pair[1] : null;
                if (OPTIONS.contains(name)) {
                    String problem = misuseOf(name, value, repeated);
                    if (problem != null) {
                        return output.refusedOption(name, problem);
                    }
                    value = value == null ? "true" : value;
                    options.put(name, value);
                    repeated.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
                } else if (name.contains(".") || name.equals("debug") || name.equals("trace")) {
                    springArgs.add(arg);
                } else {
                    // Application settings have dotted names; any other is an import option, misspelt.
                    return output.refusedOption(name, "--" + name + " is not an option of the import (options: --"
                            + String.join(", --", OPTIONS) + "; settings such as "
                            + "--journeys.data-dir have dotted names)");
                }
            } else {
                files.add(Path.of(arg));
            }
        }
        if (files.isEmpty()) {
            output.refusedUsage("no file given");
            err.print("\n" + USAGE);
            return 2;
        }
        if (files.stream().filter(file -> file.toString().equals(STANDARD_INPUT)).count() > 1) {
            return output.refusedUsage("standard input (-) can be read only once");
        }
        for (Path file : files) {
            String problem = problemOf(file);
            if (problem != null) {
                return output.refusedFile(file.toString(), problem);
            }
            if (isEmptyFile(file)) {
                return output.refusedEmptyFile(file.toString());
            }
        }
        boolean aggregated = Boolean.parseBoolean(options.getOrDefault("aggregated", "false"));
        String ignored = ignoredOption(options, aggregated);
        if (ignored != null) {
            return output.refusedOption(ignored, "--" + ignored + " " + (aggregated
                    ? "is an option of event imports, which aggregated paths would ignore" + EVENT_ONLY.get(ignored)
                    : "is an option of aggregated paths (--aggregated), which an event import would ignore"));
        }
        // Read once, with the one budget of the run's regular expressions (a competitor name cleaned by the rewrite
        // rules here, every name in the import), and used by the import.
        AggregatedPathOptions pathOptions = null;
        ImportOptions eventOptions = null;
        try {
            // Checked before the database starts, which takes tens of seconds; the gap's default is the
            // setting's, read once the app starts, and any stands in for it here.
            if (aggregated) {
                pathOptions = aggregatedOptions(options, repeated);
            } else {
                eventOptions = importParameters(options, repeated).toOptions(Duration.ofMinutes(30));
            }
        } catch (InvalidImportOptionException e) {
            return output.refusedOption(e);
        } catch (PatternBudgetExceededException e) {
            return output.refusedExpression(e);
        }
        boolean bulk = Boolean.parseBoolean(options.getOrDefault("bulk", "false"));
        if (bulk) {
            if (aggregated) {
                return output.refusedOption("bulk", "--bulk loads touchpoint events; aggregated paths are imported "
                        + "without it");
            }
            return BulkLoadCommand.run(files, options, eventOptions, springArgs, stdin, output, err);
        }
        if (files.size() > 1) {
            return output.refusedUsage("only one file can be imported at a time (got '" + files.get(1) + "' too); "
                    + "--bulk loads several into an empty store");
        }
        Path file = files.get(0);
        springArgs.add("--journeys.demo.load-on-start=false");
        boolean boltPortGiven = springArgs.stream().anyMatch(ImportCommand::setsTheBoltPort);
        if (!boltPortGiven) {
            // Only the import's own driver connects, and an app on another store may hold the default port.
            springArgs.add("--journeys.neo4j.embedded.bolt-port=0");
        }
        ConfigurableApplicationContext context;
        // Its log lines quiet, the start (Neo4j, the projection of a large store) would pass without a word.
        err.println("opening the database");
        try {
            context = new SpringApplicationBuilder(JourneyExplorerApplication.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).properties(QUIET)
                    .run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            return output.unavailable("the database cannot be opened: " + rootMessage(e), boltPortGiven
                    && isPortTaken(e) ? "The Bolt port of --journeys.neo4j.embedded.bolt-port is in use by another "
                            + "process: choose another, or leave the setting out and the import picks a free one."
                    : "If the app is running on the embedded database, stop it first or import over HTTP.");
        }
        output = output.withAppMapper(context.getBean(JsonMapper.class));
        try (context; InputStream input = open(file, stdin, err)) {
            ImportReport imported;
            long started = System.nanoTime();
            if (aggregated) {
                imported = context.getBean(AggregatedPathImporter.class).importPaths(input, pathOptions);
            } else {
                ImportOptions importOptions = withSettings(eventOptions, options,
                        context.getBean(JourneysProperties.class));
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                Upload upload = Upload.open(input, name.endsWith(".gz"), format(options, name), Long.MAX_VALUE);
                boolean[] writing = new boolean[1];
                try (InputStream stream = upload.stream()) {
                    imported = context.getBean(EventImporter.class).importEvents(stream, upload.format(),
                            importOptions, (written, total) -> {
                                if (!writing[0]) {
                                    // The reading bar stays on its line.
                                    writing[0] = true;
                                    err.println();
                                }
                                ProgressInputStream.bar(err, "writing", written, total, "journeys");
                            });
                }
            }
            err.println();
            return output.imported(imported, (System.nanoTime() - started) / 1e9,
                    Collections.nCopies(imported.errors().size(), shownName(file)), aggregated);
        } catch (ImportRejectedException e) {
            return output.rejected(e, Collections.nCopies(e.errors().size(), shownName(file)));
        } catch (InvalidImportOptionException e) {
            err.println();
            return output.refusedOption(e);
        } catch (PatternBudgetExceededException e) {
            err.println();
            return output.refusedExpression(e);
        } catch (RuntimeException | IOException e) {
            err.println();
            return output.failed(rootMessage(e), null);
        }
    }

    /**
     * The value of {@code --report}, read before the other options so that a refusal of any of them is printed in
     * its form: {@code text} when not given (or given without a value, which the options then refuse).
     */
    private static String reportOf(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--report=")) {
                return arg.substring("--report=".length());
            }
        }
        return "text";
    }

    /**
     * The first option given that the import would ignore, or null: an event option for {@code aggregated} paths
     * ({@link #EVENT_ONLY}; {@code --format} other than csv), an option of aggregated paths for events.
     */
    private static String ignoredOption(Map<String, String> options, boolean aggregated) {
        for (String name : new TreeSet<>(options.keySet())) {
            if (aggregated ? EVENT_ONLY.containsKey(name) && !(name.equals("format")
                    && options.get(name).strip().equalsIgnoreCase("csv"))
                    : AGGREGATED_PARAMETERS.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** The command line's options of aggregated paths, as the HTTP parameters of the same names. */
    static AggregatedPathOptions aggregatedOptions(Map<String, String> options, Map<String, List<String>> repeated) {
        String delimiter = options.get("delimiter");
        PatternBudget budget = new PatternBudget();
        TouchpointCleaning cleaning = TouchpointCleaning.of(options.get("urls"), repeated.get("rewrite"), budget);
        return new AggregatedPathOptions(options.get("pathColumn"), options.get("conversionsColumn"),
                options.get("valueColumn"), options.get("nullsColumn"),
                delimiter == null ? 0 : ImportParameters.delimiter(delimiter), options.get("separator"),
                options.get("source"), ImportParameters.competitorRule(repeated.get("competitor"), cleaning, budget),
                ImportParameters.errorMode(options.get("onError")), options.get("conversionTouchpoint"), cleaning);
    }

    /**
     * Why an option of the import is written wrong, or null: a flag with a value other than true or false (which
     * {@code --bulk=yes} would otherwise turn into an online import), an option without its value ({@code
     * --purchase "Order confirmation"}, whose value would be a file and the rule the name {@code true}), or an option
     * other than an outcome rule given again (the HTTP parameters refuse it too).
     */
    private static String misuseOf(String name, String value, Map<String, List<String>> given) {
        if (FLAGS.contains(name)) {
            return value == null || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null
                    : "--" + name + " takes no value (or true or false), was '" + value + "'";
        }
        if (value == null) {
            return "--" + name + " needs a value, in the same argument: --" + name + "=VALUE";
        }
        if (given.containsKey(name) && !REPEATABLE.contains(name)) {
            return "--" + name + " is given twice ('" + given.get(name).get(0) + "' and '" + value
                    + "'); only --purchase, --competitor, --frustration, --rewrite, --journeyColumn, --orderColumn and "
                    + "the rules by event name (--events, --purchaseEvent, --frustrationEvent, --abandonEvent) repeat";
        }
        return null;
    }

    /**
     * Why {@code file} cannot be imported, naming it, or null: checked before the database starts, which takes tens
     * of seconds, and in words the reader's own errors ("Is a directory", without the path) do not give. A pipe
     * ({@code <(zcat events.csv.gz)}, a named pipe, {@value #STANDARD_INPUT}) is read as it comes: the import reads
     * each file once, front to back, and sniffs the format from the first bytes it buffers.
     */
    private static String problemOf(Path file) {
        if (file.toString().equals(STANDARD_INPUT)) {
            return null;
        }
        if (!Files.exists(file)) {
            return "cannot read " + file + ": no such file";
        }
        if (Files.isDirectory(file)) {
            return file + " is a directory, not a file";
        }
        if (!Files.isReadable(file)) {
            return "cannot read " + file + ": permission denied";
        }
        try {
            Files.size(file);
            return null;
        } catch (IOException e) {
            return "cannot read " + file + ": " + rootMessage(e);
        }
    }

    /** Whether {@code file}, found readable by {@link #problemOf}, is a regular file of no bytes. */
    private static boolean isEmptyFile(Path file) {
        try {
            return !file.toString().equals(STANDARD_INPUT) && Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code file} as the messages name it: as the command line gave it, standard input in words. */
    static String shownName(Path file) {
        return file.toString().equals(STANDARD_INPUT) ? "standard input" : file.toString();
    }

    /**
     * The file's bytes with a progress bar: against its size for a file, by the megabytes read for a pipe, whose
     * size is unknown until it ends.
     */
    static InputStream open(Path file, InputStream stdin, PrintStream err) throws IOException {
        if (file.toString().equals(STANDARD_INPUT)) {
            return new ProgressInputStream(stdin, ProgressInputStream.UNKNOWN_SIZE, err);
        }
        if (Files.isRegularFile(file)) {
            return new ProgressInputStream(Files.newInputStream(file), Files.size(file), err);
        }
        // Not Files.newInputStream: its available() asks the channel for size and position, "Illegal seek" on a pipe.
        return new ProgressInputStream(new FileInputStream(file.toFile()), ProgressInputStream.UNKNOWN_SIZE, err);
    }

    /**
     * Prints why an import was rejected and its bad rows (line, field, reason), each prefixed with its file as
     * {@code files} names them (the file imported, or the file of each row of a bulk load).
     */
    static void printRejection(PrintStream err, ImportRejectedException e, List<String> files) {
        err.println();
        err.println("rejected: " + OptionWording.of(e.getMessage()));
        printRows(err, e.errors(), files);
        if (e.errorCount() > e.errors().size()) {
            err.printf(Locale.ROOT, "  ... and %,d more%n", e.errorCount() - e.errors().size());
        }
    }

    /** Prints bad rows (line, field, reason), each prefixed with its file when {@code files} names them. */
    private static void printRows(PrintStream stream, List<RowError> errors, List<String> files) {
        for (int i = 0; i < errors.size(); i++) {
            RowError error = errors.get(i);
            String file = i < files.size() && !files.get(i).isEmpty() ? files.get(i) + ", " : "";
            stream.println("  " + file + "line " + error.line() + (error.field() == null ? "" : ", " + error.field())
                    + ": " + OptionWording.of(error.reason()));
        }
    }

    /**
     * The import options of the command line's event options ({@code checked}, read before the settings were), with
     * the settings' session gap where {@code --sessionGap} is not given: read once, so that their regular expressions
     * (a competitor name cleaned by the rewrite rules) are matched once and the run has one budget.
     */
    static ImportOptions withSettings(ImportOptions checked, Map<String, String> options,
            JourneysProperties properties) {
        String gap = options.get("sessionGap");
        return gap == null || gap.isBlank() ? checked.withSessionGap(properties.ingest().sessionGap()) : checked;
    }

    /** The command line's event options as the HTTP parameters of the same names. */
    private static ImportParameters importParameters(Map<String, String> options,
            Map<String, List<String>> repeated) {
        return new ImportParameters(options.get("journeyColumn"),
                options.get("timestampColumn"), options.get("touchpointColumn"), options.get("channelColumn"),
                options.get("stageColumn"), options.get("customerColumn"), options.get("ownerColumn"),
                options.get("typeColumn"), options.get("valueColumn"), options.get("segmentColumn"),
                options.get("deviceColumn"), options.get("eventIdColumn"), options.get("scoreColumn"),
                options.get("scaleColumn"), options.get("commentColumn"), options.get("scale"),
                repeated.get("purchase"),
                repeated.get("competitor"), options.get("onError"), options.get("delimiter"),
                options.get("sessionGap"), options.get("timestampFormat"), options.get("zone"), options.get("decimal"),
                options.get("sessionize"), options.get("format"), options.get("openHorizon"),
                repeated.get("frustration"), options.get("urls"), repeated.get("rewrite"), options.get("orderColumn"),
                options.get("eventColumn"), repeated.get("events"), repeated.get("purchaseEvent"),
                repeated.get("frustrationEvent"), repeated.get("abandonEvent"))
                .withJourneyColumn(repeated.containsKey("journeyColumn")
                        ? repeated.get("journeyColumn").toArray(String[]::new) : null)
                .withOrderColumn(repeated.containsKey("orderColumn")
                        ? repeated.get("orderColumn").toArray(String[]::new) : null);
    }

    /** The format of --format, else of the file's extension (before .gz), else null: sniffed. */
    static EventImporter.Format format(Map<String, String> options, String fileName) {
        String format = options.get("format");
        if (format != null) {
            try {
                return EventImporter.Format.ofName(format);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--format " + e.getMessage());
            }
        }
        String name = fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
        if (name.endsWith(".xes") || name.endsWith(".xml")) {
            return EventImporter.Format.XES;
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".json")) {
            return EventImporter.Format.NDJSON;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return EventImporter.Format.CSV;
        }
        return null;
    }

    /**
     * Prints what an import did; its skipped rows are each prefixed with their file when {@code errorFiles} names
     * them (a bulk load of several files), as {@link #printRejection} does.
     */
    static void printSummary(PrintStream out, ImportReport report, double seconds, List<String> errorFiles) {
        printSummary(out, report, seconds, errorFiles, false);
    }

    /**
     * The summary's speed, {@code " (12,345 events/s)"}: to two significant digits below 10 a second
     * ({@code " (0.29 events/s)"}, one event of a small file in the seconds of the command's start, rather than
     * {@code 0}), and left out (empty) for no events or a time too short to measure, printed as {@code 0.0 s}.
     */
    static String rate(long events, double seconds) {
        if (events == 0 || seconds < 0.05) {
            return "";
        }
        double perSecond = events / seconds;
        String text = perSecond >= 10 ? String.format(Locale.ROOT, "%,.0f", perSecond)
                : new java.math.BigDecimal(perSecond).round(new java.math.MathContext(2)).stripTrailingZeros()
                        .toPlainString();
        return " (" + text + " events/s)";
    }

    /**
     * As {@link #printSummary(PrintStream, ImportReport, double, List)}; the journeys of {@code aggregated} paths are
     * called journey records, as each stands for its count of journeys, which the totals printed last add up.
     */
    static void printSummary(PrintStream out, ImportReport report, double seconds, List<String> errorFiles,
            boolean aggregated) {
        out.printf(Locale.ROOT, "Imported %s into %s (%,d new, %,d updated) from %s in %.1f s%s%n",
                count(report.eventsImported(), "event"),
                count(report.journeysImported(), aggregated ? "journey record" : "journey"),
                report.journeysCreated(), report.journeysUpdated(), count(report.rowsRead(), "row"), seconds,
                rate(report.eventsImported(), seconds));
        if (report.journeysHorizonChanged() + report.journeysClosed() + report.journeysReopened() > 0) {
            // Why journeys were updated when no event was added: the open horizon they are stored with changed.
            List<String> why = new ArrayList<>();
            if (report.journeysHorizonChanged() > 0) {
                why.add(count(report.journeysHorizonChanged(), "journey") + " only for a new --openHorizon (their "
                        + "events as stored)");
            }
            if (report.journeysClosed() > 0) {
                why.add(count(report.journeysClosed(), "journey") + (report.journeysClosed() == 1 ? " was" : " were")
                        + " open and " + (report.journeysClosed() == 1 ? "is" : "are") + " finished now");
            }
            if (report.journeysReopened() > 0) {
                why.add(count(report.journeysReopened(), "journey") + (report.journeysReopened() == 1 ? " was"
                        : " were") + " finished and " + (report.journeysReopened() == 1 ? "is" : "are") + " open now");
            }
            out.println("Of the journeys updated: " + String.join("; ", why));
        }
        if (report.emptyRows() > 0) {
            out.println("Passed over " + count(report.emptyRows(), "row") + " of empty cells only (not counted in the "
                    + "rows read)");
        }
        if (report.rowsSkippedByEventName() != null && report.rowsSkippedByEventName() > 0) {
            out.println("Passed over " + count(report.rowsSkippedByEventName(), "row") + " of events --events does "
                    + "not list (" + String.join(", ", report.skippedEventNames().stream().map(name -> String.format(
                            Locale.ROOT, "'%s': %,d", name.name(), name.rows())).toList())
                    + (report.skippedEventNames().stream().mapToLong(ImportReport.EventCount::rows).sum()
                            < report.rowsSkippedByEventName() ? ", ..." : "") + ")");
        }
        if (report.duplicateEvents() > 0) {
            // The report counts repeats within the upload and events stored before as one.
            out.println("Skipped " + count(report.duplicateEvents(), "duplicate event")
                    + " (repeated in the upload or already stored)");
        }
        if (report.journeysRemoved() + report.eventsRemoved() > 0) {
            // Without this line the totals printed last would not add up to the store's before.
            out.println("Removed " + count(report.journeysRemoved(), aggregated ? "journey record" : "journey")
                    + " and " + count(report.eventsRemoved(), "event")
                    + " (sessions joined into others, aggregated paths whose count fell)");
        }
        if (report.rowsRejected() > 0) {
            out.println("Rejected " + count(report.rowsRejected(), "row") + ":");
            printRows(out, report.errors(), errorFiles);
        }
        if (report.answersStored() + report.duplicateAnswers() > 0) {
            out.printf(Locale.ROOT, "Stored %s given on the events (%,d matched no journey); skipped %s (repeated in "
                    + "the upload or already stored)%n", count(report.answersStored(), "answer"),
                    report.answersUnmatched(), count(report.duplicateAnswers(), "duplicate"));
        }
        if (report.cleaning() != null) {
            out.println("Cleaned " + count(report.cleaning().names(), "touchpoint name") + " into "
                    + count(report.cleaning().touchpoints(), "touchpoint") + " (" + count(report.cleaning()
                            .renamedEvents(), "event") + " renamed)");
        }
        for (RuleMatches rule : report.outcomeRules()) {
            out.printf(Locale.ROOT, "Rule %s matched %s (%s)%n", rule.rule(), count(rule.matchedEvents(), "event"),
                    String.join(", ", rule.names().stream().map(name -> String.format(Locale.ROOT, "'%s': %,d",
                            name.name(), name.matchedEvents())).toList()));
        }
        for (ImportWarning warning : report.warnings()) {
            if (warning.kind().equals(ImportWarning.FILES_WITHOUT_ROWS)) {
                // Said as the skipped duplicates are: what the import passed over, not a doubt about what it read.
                out.println("S" + warning.message().substring(1));
                continue;
            }
            out.println("warning: " + OptionWording.of(warning.message()));
            warning.examples().forEach(example -> out.println("  line " + example.line() + ", " + example.field()
                    + ": " + example.value()));
        }
        if (report.zone() != null) {
            out.println("Times without an offset were read in " + report.zone());
        }
        out.println("The database now holds " + count(report.totalJourneys(), "journey") + " and "
                + count(report.totalEvents(), "event"));
        if (report.importId() != null) {
            out.println("Import id " + report.importId() + " (DELETE /api/imports/" + report.importId()
                    + " undoes it)");
        }
    }

    /** A count and its noun, singular for one: "1 journey", "1,200 journeys". */
    private static String count(long count, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    /** Whether a command-line argument sets the embedded Bolt port, in any spelling Spring binds to it. */
    private static boolean setsTheBoltPort(String arg) {
        String name = arg.substring(2).split("=", 2)[0].replace("-", "").replace("_", "");
        return name.equalsIgnoreCase("journeys.neo4j.embedded.boltport");
    }

    /** Whether some cause of {@code e} says a port was taken. */
    private static boolean isPortTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (EmbeddedNeo4jFailureAnalyzer.isPortTaken(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The message of the innermost cause of {@code e}; of a file that cannot be made or read, its path and why (the
     * file system's exceptions name the path alone when the reason is their type: no such file, access denied).
     */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof FileSystemException file && file.getReason() == null) {
            return file.getMessage() + ": " + (file instanceof NoSuchFileException ? "no such file or folder"
                    : file instanceof AccessDeniedException ? "permission denied"
                    : file instanceof FileAlreadyExistsException ? "exists already" : file.getClass().getSimpleName());
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
