package com.journeyexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

import com.journeyexplorer.JourneyExplorerApplication;
import com.journeyexplorer.TestData;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command-line import, run in-process against its own embedded database. */
class ImportCommandTests {

    @Test
    void keepsTheBatchImportersOutputInTheStoresLogsAndShowsItsStagesAsOneBar() throws IOException {
        Path file = TestData.file("pm4py-running-example/running-example.csv");

        int exit = run("--bulk", file.toString(), "--journeyColumn=case:concept:name",
                "--touchpointColumn=concept:name", "--timestampColumn=time:timestamp");

        String progress = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(progress).isZero();
        assertThat(progress).as("the reading bar stays on its line")
                .contains("reading  [##############################] 100%  3 / 3 KB   \n")
                .contains("writing  [##############################] 100%  4 / 4 stages")
                .doesNotContain("..........", "Estimated", "IMPORT DONE");
        assertThat(dataDir.resolve("logs").resolve(BulkLoadCommand.IMPORTER_LOG)).content()
                .contains("(1/4) Node import", ".......... .......... 100%", "IMPORT DONE");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The database now holds 6 journeys and 42 events");
    }

    @Test
    void namesTheOptionsOfTheImportAsTheCommandLineWritesThemInRejectionsAndWarnings() throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-options.csv");
        Files.writeString(file, "journey_id,timestamp,touchpoint,value\nj1,2026-03-01T10:00:00Z,Home,\n"
                + "j1,soon,Cart,\nj2,2026-03-01T10:00:00Z,Pay,\"12,50\"\n");
        Path semicolons = dataDir.resolveSibling(dataDir.getFileName() + "-semicolons.csv");
        Files.writeString(semicolons, "journey_id;timestamp;touchpoint\nj1;2026-03-01T10:00:00Z;Home\n");

        assertThat(run(file.toString())).isEqualTo(1);
        assertThat(run(semicolons.toString())).isEqualTo(1);
        assertThat(run(file.toString(), "--onError=skip")).as(err.toString(StandardCharsets.UTF_8)).isZero();

        String stderr = err.toString(StandardCharsets.UTF_8);
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(stderr).contains("nothing was imported (use --onError=skip to import the valid rows)",
                "line 4, value: '12,50' is not a number: for values written with a decimal comma, import with "
                        + "--decimal=comma",
                "--delimiter=; reads them; name the columns with options such as --journeyColumn, or check");
        assertThat(stdout).contains("(--onError=reject imports nothing from a file with a bad row)",
                "a finished export is imported with --openHorizon=0");
        assertThat(stderr + stdout).doesNotContain("query parameter", " onError=", "(onError=", " openHorizon=");
        Files.delete(file);
        Files.delete(semicolons);
    }

    @Test
    void leavesQuotedValuesAddressesAndWordsAloneWhenNamingOptions() {
        String message = "touchpoint 'source=ads' differs (use POST /api/outcomes?competitor=...); purchase 'Pay' "
                + "matched no event";

        assertThat(OptionWording.of(message)).isEqualTo(message);
        assertThat(OptionWording.of("quote a name: purchase=\"Pay, now\", or repeat the parameter"))
                .isEqualTo("quote a name: --purchase=\"Pay, now\", or repeat the option");
    }

    /** The beginnings of the summary's lines ({@link ImportCommand#printSummary}). */
    private static final Pattern SUMMARY_LINE = Pattern.compile("Imported |Skipped |Removed |Rejected |  line "
            + "|Stored |Rule |warning: |The database now holds |Import id ");

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return runReading(InputStream.nullInputStream(), args);
    }

    /** Runs the command with {@code stdin} as its standard input. */
    private int runReading(InputStream stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--journeys.neo4j.embedded.bolt-port=0");
        return runWithTheBoltPortOf(stdin, all.toArray(String[]::new));
    }

    private int runWithTheBoltPortOf(String... args) {
        return runWithTheBoltPortOf(InputStream.nullInputStream(), args);
    }

    /** Runs the command on the test's store with a small page cache, on the Bolt port {@code args} give, if any. */
    private int runWithTheBoltPortOf(InputStream stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--journeys.data-dir=" + dataDir);
        all.add("--journeys.neo4j.embedded.page-cache-size=32MB");
        all.add("--journeys.neo4j.embedded.preallocate-transaction-logs=false");
        return ImportCommand.run(all.toArray(String[]::new), stdin,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void importsAFileWithAProgressBarAndASummary() {
        Path file = TestData.file("pm4py-running-example/running-example.csv");

        int exit = run(file.toString(),
                "--journeyColumn=case:concept:name", "--touchpointColumn=concept:name",
                "--timestampColumn=time:timestamp", "--purchase=pay compensation");

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout).contains("Imported 42 events into 6 journeys (6 new, 0 updated) from 42 rows");
        assertThat(stdout).contains("The database now holds 6 journeys and 42 events");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reading", "100%");
    }

    @Test
    void printsTheSummaryAloneOnStandardOutputAndTheProgressOnStandardErrorAsAScriptReadsThem(@TempDir Path bulkStore)
            throws Exception {
        Path file = TestData.file("pm4py-running-example/running-example.csv");
        List<String> mapping = List.of("--journeyColumn=case:concept:name", "--touchpointColumn=concept:name",
                "--timestampColumn=time:timestamp", "--purchase=pay compensation");

        Console online = runOnTheConsole(dataDir, List.of(file.toString()), mapping);
        Console bulk = runOnTheConsole(bulkStore, List.of("--bulk", file.toString()), mapping);

        for (Console console : List.of(online, bulk)) {
            assertThat(console.exit()).as(console.err()).isZero();
            // No banner, no log line: the summary's lines alone, as it prints them.
            assertThat(console.out().lines()).as(console.out())
                    .allMatch(line -> SUMMARY_LINE.matcher(line).lookingAt())
                    .first().asString().startsWith("Imported 42 events into 6 journeys (6 new, 0 updated)");
            assertThat(console.out()).contains("The database now holds 6 journeys and 42 events");
            assertThat(console.err()).contains("reading  [##############################] 100%");
        }
    }

    private record Console(int exit, String out, String err) {
    }

    /**
     * Runs {@code java -jar app.jar import FILE... OPTIONS...} in a JVM of its own (the app's main class on this
     * test's class path) on {@code store}, its standard output and standard error kept apart as a shell's
     * redirections keep them.
     */
    private static Console runOnTheConsole(Path store, List<String> files, List<String> options)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), JourneyExplorerApplication.class.getName(), "import"));
        command.addAll(files);
        command.addAll(options);
        command.addAll(List.of("--journeys.data-dir=" + store, "--journeys.neo4j.embedded.page-cache-size=32MB",
                "--journeys.neo4j.embedded.preallocate-transaction-logs=false"));
        Path out = Files.createTempFile("import-out", ".txt");
        Path err = Files.createTempFile("import-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the import ended").isTrue();
            return new Console(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    @Test
    void theReadingBarOfAFileUnderAMegabyteEndsFull() throws IOException {
        assertThat(readingBarOfAFileOf(3000)).endsWith("reading  [##############################] 100%  2 / 2 KB   ");
    }

    @Test
    void theReadingBarOfAFileUnderAKilobyteCountsItsBytes() throws IOException {
        assertThat(readingBarOfAFileOf(300))
                .endsWith("reading  [##############################] 100%  300 / 300 bytes   ");
    }

    @Test
    void theSummaryShowsTheSpeedOfAFewEventsInSecondsToTwoDigitsAndNoneForATimeTooShortToMeasure() {
        assertThat(ImportCommand.rate(1, 3.5)).isEqualTo(" (0.29 events/s)");
        assertThat(ImportCommand.rate(6, 2.0)).isEqualTo(" (3 events/s)");
        assertThat(ImportCommand.rate(42, 4.0)).isEqualTo(" (11 events/s)");
        assertThat(ImportCommand.rate(1_234_567, 2.0)).isEqualTo(" (617,284 events/s)");
        assertThat(ImportCommand.rate(42, 0.01)).as("printed as 0.0 s").isEmpty();
        assertThat(ImportCommand.rate(0, 3.5)).isEmpty();
    }

    /** What the reading bar prints while a file of {@code bytes} bytes is read through to its end. */
    private static String readingBarOfAFileOf(int bytes) throws IOException {
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        try (InputStream input = new ProgressInputStream(new ByteArrayInputStream(new byte[bytes]), bytes,
                new PrintStream(bar, true, StandardCharsets.UTF_8))) {
            input.transferTo(OutputStream.nullOutputStream());
        }
        return bar.toString(StandardCharsets.UTF_8);
    }

    @Test
    void countsTheRecordsOfAggregatedPathsAsRecordsAndTheJourneysTheyStandForAsJourneys() {
        Path file = TestData.file("channelattribution/Data.csv");

        int exit = run(file.toString(), "--aggregated", "--source=channelattribution");

        // 5,408 distinct paths, 9,925 of them by outcome; 19,785 conversions and 68,602 nulls
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout).contains("Imported 397,994 events into 9,925 journey records (9,925 new, 0 updated) "
                + "from 10,000 rows", "The database now holds 88,387 journeys and 397,994 events");
    }

    @Test
    void importsACompressedXesLog() throws Exception {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-running-example.xes.gz");
        try (var input = ImportCommandTests.class.getResourceAsStream("/xes/running-example.xes");
                var output = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            input.transferTo(output);
        }

        int exit = run(file.toString(), "--purchase=pay compensation");

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout).contains("Imported 42 events into 6 journeys (6 new, 0 updated) from 42 rows");
        assertThat(stdout).containsPattern("Import id [0-9a-f-]{36} \\(DELETE /api/imports/");
        Files.deleteIfExists(file);
    }

    @Test
    void rejectsABadFileNamingLineFieldAndReason() throws Exception {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-bad.csv");
        Files.writeString(file, "journey_id,timestamp,touchpoint\nj1,2026-03-01T10:00:00Z,Home\nj1,soon,Cart\n");

        int exit = run(file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("rejected:", "  " + file + ", line 3, timestamp: 'soon' is not a timestamp");
        // Skipped, the row is named so in the summary.
        assertThat(run(file.toString(), "--onError=skip")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Rejected 1 row:" + System.lineSeparator() + "  "
                + file + ", line 3, timestamp: 'soon' is not a timestamp");
        Files.deleteIfExists(file);
    }

    @Test
    void namesTheFileOfEveryRefusalOfAFileAsTheProblemsOfTheApiNameLineFieldAndReason() throws Exception {
        Path latin1 = dataDir.resolveSibling(dataDir.getFileName() + "-latin1.csv");
        Files.write(latin1, "journey_id,timestamp,touchpoint\nl1,2026-03-01T10:00:00Z,Caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Path empty = Files.createFile(dataDir.resolveSibling(dataDir.getFileName() + "-nothing.csv"));

        JsonNode encoding = jsonOf(1, () -> run(latin1.toString(), "--report=json"));
        JsonNode missing = jsonOf(2, () -> run("not-there.csv", "--report=json"));
        JsonNode emptyFile = jsonOf(2, () -> run(empty.toString(), "--report=json"));

        // Bytes that are not UTF-8: the API's invalid-upload problem, its row error in the file named.
        assertThat(encoding.get("type").asString()).isEqualTo("https://journeyexplorer.dev/problems/invalid-upload");
        assertThat(encoding.get("title").asString()).isEqualTo("Invalid upload");
        JsonNode error = encoding.get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo(latin1.toString());
        assertThat(error.get("line").asLong()).isEqualTo(2);
        assertThat(error.get("reason").asString()).contains("UTF-8");
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern(Pattern.quote("  " + latin1 + ", line 2")
                + ".*UTF-8");
        // A file that is not there has no counterpart over HTTP: a bad request, naming it.
        assertThat(missing.get("type").asString()).isEqualTo("https://journeyexplorer.dev/problems/bad-request");
        assertThat(missing.get("file").asString()).isEqualTo("not-there.csv");
        // An empty file is the API's empty body: an invalid upload at line 1, naming the file.
        assertThat(emptyFile.get("type").asString()).isEqualTo("https://journeyexplorer.dev/problems/invalid-upload");
        assertThat(emptyFile.get("title").asString()).isEqualTo("Invalid upload");
        assertThat(emptyFile.get("file").asString()).isEqualTo(empty.toString());
        assertThat(emptyFile.get("errors").get(0).get("line").asLong()).isEqualTo(1);
        assertThat(emptyFile.get("detail").asString()).startsWith(empty + " is empty");
        Files.delete(latin1);
        Files.delete(empty);
    }

    @Test
    void writesEveryCountWithThousandsSeparatorsAndSaysWhyARenewedHorizonUpdatedJourneys() throws Exception {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-many-open.csv");
        Path bad = dataDir.resolveSibling(dataDir.getFileName() + "-many-bad.csv");
        StringBuilder rows = new StringBuilder("journey_id,timestamp,touchpoint\n");
        StringBuilder badRows = new StringBuilder("journey_id,timestamp,touchpoint\n");
        for (int i = 0; i < 1200; i++) {
            rows.append("open-").append(i).append(",2026-03-01T10:00:00Z,Home\n");
            badRows.append("bad-").append(i).append(",soon,Home\n");
        }
        Files.writeString(file, rows);
        Files.writeString(bad, badRows);

        assertThat(run(file.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run(file.toString(), "--openHorizon=0")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String summaries = out.toString(StandardCharsets.UTF_8);
        JsonNode reopened = jsonOf(0, () -> run(file.toString(), "--openHorizon=30d", "--report=json"));
        assertThat(run(bad.toString())).isEqualTo(1);

        assertThat(summaries).contains("warning: 1,200 of the 1,200 journeys written are open",
                "Imported 0 events into 1,200 journeys (0 new, 1,200 updated) from 1,200 rows",
                "Of the journeys updated: 1,200 journeys only for a new --openHorizon (their events as stored); "
                        + "1,200 journeys were open and are finished now");
        assertThat(reopened.get("journeysHorizonChanged").asLong()).isEqualTo(1200);
        assertThat(reopened.get("journeysReopened").asLong()).isEqualTo(1200);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("rejected: 1,200 rows are invalid",
                "  ... and 1,100 more");
        Files.delete(file);
        Files.delete(bad);
    }

    @Test
    void importsAGzipFileWithRepeatedPurchaseNamesEpochSecondsAndReportsTheRules() throws Exception {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-events.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("""
                    journey_id,timestamp,touchpoint,value
                    gz-1,1396437466,Home,
                    gz-1,1396437466.5,"Pay, now","12,50"
                    gz-2,1396437500,Home,
                    gz-2,1396437600,Checkout,"3,00"
                    """.getBytes(StandardCharsets.UTF_8));
        }

        int exit = run(file.toString(), "--purchase=Pay, now", "--purchase=Checkout", "--competitor=Rival",
                "--frustration=Home", "--decimal=comma", "--timestampFormat=epoch-seconds");

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout).contains("Imported 4 events into 2 journeys",
                "Rule purchase matched 2 events ('Pay, now': 1, 'Checkout': 1)",
                "Rule competitor matched 0 events ('Rival': 0)",
                "Rule frustration matched 2 events ('Home': 2)",
                "warning: competitor 'Rival' matched no event of this upload");
        Files.deleteIfExists(file);
    }

    @Test
    void cleansPageAddressesWithUrlsAndRewriteAndSaysWhatTheyBecame() throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-ga4.csv");
        Files.writeString(file, """
                ga_session_id,event_timestamp,page_location
                s1,1777888800000000,https://shop.example/?utm_source=ig
                s1,1777888860000000,https://shop.example/product/123?gclid=Cj0
                s1,1777888920000000,https://shop.example/product/456#reviews
                s1,1777888980000000,https://shop.example/checkout/thanks?order=A-1001
                s2,1777892400000000,https://shop.example/product/789/
                """);

        int exit = run(file.toString(), "--journeyColumn=ga_session_id", "--timestampColumn=event_timestamp",
                "--touchpointColumn=page_location", "--urls=path", "--rewrite=/product/\\d+ -> /product/:id",
                "--purchase=/checkout/thanks");
        int refused = run(file.toString(), "--touchpointColumn=page_location", "--rewrite=/product/(\\d+ -> x");

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout).contains("Imported 5 events into 2 journeys",
                "Cleaned 5 touchpoint names into 3 touchpoints (5 events renamed)",
                "Rule purchase matched 1 event ('/checkout/thanks': 1)");
        assertThat(refused).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "error: --rewrite has '/product/(\\d+', which is not a valid regular expression: Unclosed group");
        Files.deleteIfExists(file);
    }

    @Test
    void cleansPageAddressesInABulkLoadAsOnline(@TempDir Path onlineStore) throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-bulk-pages.csv");
        Files.writeString(file, """
                ga_session_id,event_timestamp,page_location
                s1,1777888800000000,https://shop.example/?utm_source=ig
                s1,1777888860000000,https://shop.example/product/123?gclid=Cj0
                s1,1777888920000000,https://rival.example/deals?ref=shop
                s1,1777888980000000,https://shop.example/checkout/thanks?order=A-1001
                s2,1777892400000000,https://shop.example/product/789/
                """);
        List<String> options = List.of(file.toString(), "--journeyColumn=ga_session_id",
                "--timestampColumn=event_timestamp", "--touchpointColumn=page_location", "--urls=path",
                "--rewrite=/product/\\d+ -> /product/:id", "--purchase=/checkout/thanks",
                "--competitor=https://rival.example/deals?ref=shop");

        assertThat(run(concat(List.of("--bulk"), options))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(runOn(onlineStore, options.toArray(String[]::new))).as(err.toString(StandardCharsets.UTF_8))
                .isZero();

        Map<String, String> cleaned = Map.of("/", "own", "/product/:id", "own", "/deals", "competitor",
                "/checkout/thanks", "own");
        assertThat(touchpointOwners(dataDir)).as("bulk").containsExactlyInAnyOrderEntriesOf(cleaned);
        assertThat(touchpointOwners(onlineStore)).as("online").containsExactlyInAnyOrderEntriesOf(cleaned);
        assertThat(out.toString(StandardCharsets.UTF_8).split("Cleaned 5 touchpoint names into 4 touchpoints "
                + "\\(5 events renamed\\)", -1)).as("both summaries").hasSize(3);
        Files.delete(file);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesARewriteOrCompetitorRuleThatBacktracksWithoutEndAndWritesNothing() throws IOException {
        // Exponential in Java 17's engine on a name of 35 a's: unbounded, each run takes a quarter of an hour.
        String victim = "a".repeat(35) + "!";
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-costly.csv");
        Files.writeString(file, "journey_id,timestamp,touchpoint\nc1,2026-05-01T10:00:00Z,Home\n"
                + "c1,2026-05-01T10:01:00Z," + victim + "\n");

        int rewrite = run(file.toString(), "--rewrite=(a+){2,40}b -> x");
        int competitor = run(file.toString(), "--competitor=(a+){2,40}b");
        int plain = run(file.toString());

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(rewrite).as(stderr).isEqualTo(2);
        assertThat(competitor).as(stderr).isEqualTo(2);
        assertThat(stderr).contains("error: --rewrite has the regular expression '(a+){2,40}b', which was stopped "
                + "after 5,000,000 steps matching the name '" + victim + "'", "error: --competitor has the regular "
                + "expression '(a+){2,40}b'", "rewrite the expression");
        assertThat(plain).as(stderr).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).as("the refused runs wrote nothing")
                .contains("The database now holds 1 journey and 2 events");
        Files.deleteIfExists(file);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesARewriteRuleJustUnderTheBoundOfAMatchOnManyNamesOnceTheRunsBudgetIsSpent() throws IOException {
        // About 3,400,000 reads on each name, under the bound of one match: 60 names make 40 times that bound's work.
        StringBuilder rows = new StringBuilder("journey_id,timestamp,touchpoint\n");
        for (int i = 10; i < 70; i++) {
            rows.append("m1,2026-05-01T10:").append(i - 10 < 10 ? "0" : "").append(i - 10).append(":00Z,")
                    .append("a".repeat(64)).append('!').append(i).append('\n');
        }
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-costly-many.csv");
        Files.writeString(file, rows);

        int rewrite = run(file.toString(), "--rewrite=(.*a){3}b -> x");

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(rewrite).as(stderr).isEqualTo(2);
        assertThat(stderr).contains("error: --rewrite has the regular expression '(.*a){3}b', which was stopped "
                + "matching the name '" + "a".repeat(64) + "!", "': the regular expressions of this import had made "
                + "more than 5,000,000 steps and 2,000 a character of the names they matched", "rewrite the expression")
                .doesNotContain("this request");
        Files.deleteIfExists(file);
    }

    /**
     * The options are read once, before the database starts (their regular expressions drawing on the run's one
     * budget), and the import uses them with the settings' session gap where --sessionGap is not given.
     */
    @Test
    void readsItsOptionsOnceAndImportsWithTheSettingsSessionGap() throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-gap.csv");
        Files.writeString(file, "customer_id,timestamp,touchpoint\nc1,2026-05-01T10:00:00Z,Home\n"
                + "c1,2026-05-01T10:10:00Z,Cart\n");

        int exit = run(file.toString(), "--journeys.ingest.session-gap=5m", "--rewrite=Cart -> Basket",
                "--competitor=Cart");

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(stderr).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The database now holds 2 journeys and 2 events");
        Files.deleteIfExists(file);
    }

    @Test
    void keysJourneysBySeveralColumnsRepeatedOrListedAndOrdersEventsByAColumn() throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-ga4-keys.csv");
        Files.writeString(file, """
                user_pseudo_id,ga_session_id,event_timestamp,page_location,batch_event_index
                111.1777888800,1777888800,1777888800000000,/home,1
                222.1777888800,1777888800,1777888800000000,/sale,0
                111.1777888800,1777888800,1777888800000000,/cart,0
                """);

        int exit = run(file.toString(), "--journeyColumn=user_pseudo_id", "--journeyColumn=ga_session_id",
                "--timestampColumn=event_timestamp", "--touchpointColumn=page_location",
                "--orderColumn=batch_event_index");
        int again = run(file.toString(), "--journeyColumn=user_pseudo_id,ga_session_id",
                "--timestampColumn=event_timestamp", "--touchpointColumn=page_location");
        int misnamed = run(file.toString(), "--journeyColumn=user_pseudo_id,ga_session_id",
                "--timestampColumn=event_timestamp", "--touchpointColumn=page_location", "--orderColumn=batch_index");

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout).contains("Imported 3 events into 2 journeys", "Imported 0 events into 0 journeys");
        assertThat(again).isZero();
        assertThat(misnamed).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--orderColumn=batch_index");
        Files.deleteIfExists(file);
    }

    /** GA4's events of one time from two batches: by batch, then by index, online with the option repeated and bulk. */
    @Test
    void ordersEventsOfOneTimeByBatchThenIndexOnlineAndInABulkLoad(@TempDir Path onlineStore) throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-ga4-batches.csv");
        Files.writeString(file, """
                journey_id,event_timestamp,page_location,batch_ordering_id,batch_event_index
                b1,1777888800000000,/pay,2,1
                b1,1777888800000000,/cart,2,0
                b1,1777888800000000,/product,1,3
                b1,1777888800000000,/home,1,0
                """);
        List<String> columns = List.of("--timestampColumn=event_timestamp", "--touchpointColumn=page_location");

        int bulk = run(concat(List.of("--bulk", file.toString(), "--orderColumn=batch_ordering_id,batch_event_index"),
                columns));
        int online = runOn(onlineStore, concat(List.of(file.toString(), "--orderColumn=batch_ordering_id",
                "--orderColumn=batch_event_index"), columns));
        int again = runOn(onlineStore, concat(List.of(file.toString(),
                "--orderColumn=batch_ordering_id,batch_event_index"), columns));
        int misnamed = runOn(onlineStore, concat(List.of(file.toString(), "--orderColumn=batch_ordering_id",
                "--orderColumn=batch_index"), columns));

        assertThat(bulk).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(online).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(again).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported 0 events into 0 journeys");
        assertThat(misnamed).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--orderColumn=batch_index");
        List<String> ordered = List.of("/home", "/product", "/cart", "/pay");
        assertThat(journeyPaths(dataDir)).as("bulk").containsExactly(Map.entry("b1", ordered));
        assertThat(journeyPaths(onlineStore)).as("online").containsExactly(Map.entry("b1", ordered));
        Files.delete(file);
    }

    @Test
    void sniffsTheFormatOfAGzipFileWithoutAnExtensionAndRejectsACorruptOne() throws Exception {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-export.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("""
                    {"journey_id":"nd-1","timestamp":"2019-10-01 00:00:00 UTC","touchpoint":"Home"}
                    {"journey_id":"nd-1","timestamp":"2019-10-01 00:00:09 UTC","touchpoint":"Cart"}
                    """.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(run(file.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported 2 events into 1 journey ");

        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 12));
        assertThat(run(file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("compressed data is corrupt or cut short");
        Files.deleteIfExists(file);
    }

    @Test
    void importsGzipDataFromStandardInputAndCountsTheMegabytesRead() throws IOException {
        var gzipped = new ByteArrayOutputStream();
        try (var output = new java.util.zip.GZIPOutputStream(gzipped)) {
            Files.copy(TestData.file("pm4py-running-example/running-example.csv"), output);
        }

        int exit = runReading(new ByteArrayInputStream(gzipped.toByteArray()), "-",
                "--journeyColumn=case:concept:name", "--touchpointColumn=concept:name",
                "--timestampColumn=time:timestamp", "--purchase=pay compensation");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Imported 42 events into 6 journeys (6 new, 0 updated) from 42 rows");
        assertThat(err.toString(StandardCharsets.UTF_8)).as("no size to show a share of")
                .contains("reading  0 MB").doesNotContain("reading  [");
    }

    @Test
    void importsFromANamedPipeAsZcatWouldFeedIt() throws Exception {
        Path pipe = dataDir.resolveSibling(dataDir.getFileName() + "-events.pipe");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try (var output = Files.newOutputStream(pipe)) {
                Files.copy(TestData.file("pm4py-running-example/running-example.csv"), output);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();

        int exit = run(pipe.toString(), "--journeyColumn=case:concept:name", "--touchpointColumn=concept:name",
                "--timestampColumn=time:timestamp");

        writer.join();
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported 42 events into 6 journeys");
        Files.delete(pipe);
    }

    @Test
    void readsStandardInputOnlyOnce() {
        assertThat(run("--bulk", "-", "-")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("standard input (-) can be read only once");
        assertThat(dataDir).as("no database was started").isEmptyDirectory();
    }

    @Test
    void explainsUsageErrors() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no file given", "Usage:");

        assertThat(run("does-not-exist.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read does-not-exist.csv: no such file");
    }

    @Test
    void checksEachFileBeforeOpeningTheDatabaseAndNamesIt() throws IOException {
        Path empty = dataDir.resolveSibling(dataDir.getFileName() + "-empty.csv");
        Files.createFile(empty);
        Path folder = Files.createDirectory(dataDir.resolveSibling(dataDir.getFileName() + "-folder"));
        Path good = TestData.file("pm4py-running-example/running-example.csv");

        assertThat(run(empty.toString())).isEqualTo(2);
        assertThat(run(folder.toString())).isEqualTo(2);
        assertThat(run("--bulk", good.toString(), empty.toString())).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: " + empty + " is empty",
                "error: " + folder + " is a directory, not a file");
        assertThat(dataDir).as("no database was started").isEmptyDirectory();
        Files.delete(empty);
        Files.delete(folder);
    }

    @Test
    void helpNamesEveryOptionTheImportAccepts() {
        assertThat(run("--help")).isZero();

        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("--source=", "--separator=", "--pathColumn=", "--conversionsColumn=",
                "--nullsColumn=", "--conversionTouchpoint=");
        assertThat(ImportCommand.OPTIONS).allSatisfy(option -> assertThat(help).contains(option));
    }

    @Test
    void summarySaysOneInTheSingularAndCallsARepeatedEventADuplicate() throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-repeated.csv");
        Files.writeString(file, "journey_id,timestamp,touchpoint\nr1,2026-03-01T10:00:00Z,Home\n"
                + "r1,2026-03-01T10:00:00Z,Home\n");

        assertThat(run(file.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "Imported 1 event into 1 journey (1 new, 0 updated) from 2 rows",
                "Skipped 1 duplicate event (repeated in the upload or already stored)",
                "The database now holds 1 journey and 1 event");
        Files.deleteIfExists(file);
    }

    @Test
    void passesOverRowsOfEmptyCellsSayingHowManyAndNamesALaterBadRowByItsLine() throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-cleared.csv");
        Files.writeString(file, "journey_id;timestamp;touchpoint\r\ne1;2026-03-01T10:00:00Z;Home\r\n;;\r\n ; ; \r\n"
                + "e1;2026-03-01T10:05:00Z;Cart\r\n;;\r\n");
        Path bad = dataDir.resolveSibling(dataDir.getFileName() + "-cleared-bad.csv");
        Files.writeString(bad, "journey_id;timestamp;touchpoint\n;;\n;;\ne2;yesterday;Home\n");

        assertThat(run(file.toString(), "--delimiter=;")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run(bad.toString(), "--delimiter=;")).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "Imported 2 events into 1 journey (1 new, 0 updated) from 2 rows",
                "Passed over 3 rows of empty cells only (not counted in the rows read)");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("  " + bad + ", line 4, timestamp: ");
        Files.deleteIfExists(file);
        Files.deleteIfExists(bad);
    }

    @Test
    void aBulkLoadWarnsThatTheDelimiterWasNotUsedForAnNdjsonFile() throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-bulk-delimited.ndjson");
        Files.writeString(file, "{\"journey_id\":\"n1\",\"timestamp\":\"2026-03-01T10:00:00Z\","
                + "\"touchpoint\":\"Home\"}\n");

        assertThat(run("--bulk", file.toString(), "--delimiter=tab")).as(err.toString(StandardCharsets.UTF_8))
                .isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("warning: the delimiter 'tab' was not used: the "
                + "upload was read as NDJSON", "--format=csv");
        Files.deleteIfExists(file);
    }

    @Test
    void warnsThatTheDelimiterWasNotUsedForAnNdjsonFile() throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-delimited.ndjson");
        Files.writeString(file, "{\"journey_id\":\"n1\",\"timestamp\":\"2026-03-01T10:00:00Z\","
                + "\"touchpoint\":\"Home\"}\n");

        assertThat(run(file.toString(), "--delimiter=;")).as(err.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("warning: the delimiter ';' was not used: the "
                + "upload was read as NDJSON", "--format=csv");
        Files.deleteIfExists(file);
    }

    @Test
    void summarySaysWhatAnEventJoiningTwoSessionsRemoved() throws IOException {
        Path first = dataDir.resolveSibling(dataDir.getFileName() + "-sessions.csv");
        Files.writeString(first, "customer_id,timestamp,touchpoint\nc1,2026-03-01T10:00:00Z,Home\n"
                + "c1,2026-03-01T10:50:00Z,Cart\n");
        Path joining = dataDir.resolveSibling(dataDir.getFileName() + "-joining.csv");
        Files.writeString(joining, "customer_id,timestamp,touchpoint\nc1,2026-03-01T10:25:00Z,Search\n");

        assertThat(run(first.toString(), "--sessionGap=30m")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run(joining.toString(), "--sessionGap=30m")).as(err.toString(StandardCharsets.UTF_8)).isZero();

        // the two sessions become one: one journey goes, the events stay (3 = 2 + 1 added - 0 removed)
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "Removed 1 journey and 0 events (sessions joined into others, aggregated paths whose count fell)",
                "The database now holds 1 journey and 3 events");
        Files.deleteIfExists(first);
        Files.deleteIfExists(joining);
    }

    @Test
    void namesAMisspeltOptionRatherThanImportingWithTheDefault() {
        Path file = TestData.file("pm4py-running-example/running-example.csv");

        assertThat(run(file.toString(), "--journeyColumn=case:concept:name", "--sesionGap=1h")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --sesionGap is not an option of the import",
                "--sessionGap", "dotted names");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Imported");
    }

    @Test
    void refusesAFlagWithAValueAnOptionWithoutOneAndAnOptionGivenTwiceBeforeOpeningTheDatabase() {
        Path file = TestData.file("pm4py-running-example/running-example.csv");

        assertThat(run(file.toString(), "--bulk=yes")).isEqualTo(2);
        assertThat(run(file.toString(), "--purchase", "pay compensation")).isEqualTo(2);
        assertThat(run(file.toString(), "--sessionGap=1h", "--sessionGap=2h")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "error: --bulk takes no value (or true or false), was 'yes'",
                "error: --purchase needs a value, in the same argument: --purchase=VALUE",
                "error: --sessionGap is given twice ('1h' and '2h'); only --purchase, --competitor, --frustration, "
                        + "--rewrite, --journeyColumn, --orderColumn and the rules by event name (--events, "
                        + "--purchaseEvent, --frustrationEvent, --abandonEvent) repeat");
        assertThat(dataDir).as("no database was started").isEmptyDirectory();
    }

    @Test
    void readsTimesWithoutAnOffsetInTheZoneOfZoneInABulkLoadAndOnline() throws IOException {
        Path local = dataDir.resolveSibling(dataDir.getFileName() + "-paris.csv");
        Files.writeString(local, "journey_id,timestamp,touchpoint\nz1,2026-03-02 13:02:03,Home\n");
        Path utc = dataDir.resolveSibling(dataDir.getFileName() + "-utc.csv");
        Files.writeString(utc, "journey_id,timestamp,touchpoint\nz1,2026-03-02T12:02:03Z,Home\n");

        assertThat(run("--bulk", local.toString(), "--zone=Europe/Paris", "--openHorizon=0"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        // The same file in the same zone online, then its time in UTC: both the event stored, 12:02:03 UTC.
        assertThat(run(local.toString(), "--zone=Europe/Paris", "--openHorizon=0"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run(utc.toString(), "--openHorizon=0")).as(err.toString(StandardCharsets.UTF_8)).isZero();

        String summaries = out.toString(StandardCharsets.UTF_8);
        assertThat(summaries.split("Times without an offset were read in Europe/Paris", -1)).hasSize(3);
        assertThat(summaries.split("Skipped 1 duplicate event", -1)).hasSize(3);
        assertThat(summaries).endsWith("The database now holds 1 journey and 1 event" + System.lineSeparator());
        Files.delete(local);
        Files.delete(utc);
    }

    @Test
    void refusesAnUnknownZoneAndAZoneGivenTwiceBeforeOpeningTheDatabase() {
        Path file = TestData.file("pm4py-running-example/running-example.csv");

        assertThat(run(file.toString(), "--zone=Mars/Olympus")).isEqualTo(2);
        assertThat(run("--bulk", file.toString(), "--zone=Europe/Pariss")).isEqualTo(2);
        assertThat(run(file.toString(), "--zone=UTC", "--zone=Europe/Paris")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "error: --zone must be a time zone such as Europe/Paris, UTC or +02:00, was 'Mars/Olympus'",
                "error: --zone must be a time zone such as Europe/Paris, UTC or +02:00, was 'Europe/Pariss'",
                "error: --zone is given twice ('UTC' and 'Europe/Paris')");
        assertThat(dataDir).as("no database was started").isEmptyDirectory();
    }

    @Test
    void namesAnOptionWithABadValueBeforeOpeningTheDatabase() {
        Path file = TestData.file("pm4py-running-example/running-example.csv");

        assertThat(run(file.toString(), "--journeyColumn=case:concept:name", "--onError=maybe")).isEqualTo(2);
        assertThat(run("--bulk", file.toString(), "--sessionGap=soon")).isEqualTo(2);
        assertThat(run(file.toString(), "--rewrite=/product/(\\d+ -> /product")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "error: --onError must be reject or skip, was 'maybe'", "error: --sessionGap ",
                "error: --rewrite has '/product/(\\d+', which is not a valid regular expression");
        assertThat(dataDir).as("no database was started").isEmptyDirectory();
    }

    @Test
    void opensNoFixedBoltPortSoThatAnAppOnAnotherStoreDoesNotStandInTheWay() throws IOException {
        Path file = TestData.file("pm4py-running-example/running-example.csv");

        try (ServerSocket app = holdTheDefaultBoltPort()) {
            int exit = runWithTheBoltPortOf(file.toString(), "--journeyColumn=case:concept:name",
                    "--touchpointColumn=concept:name", "--timestampColumn=time:timestamp");

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The database now holds 6 journeys");
    }

    @Test
    void keepsABoltPortGivenOnTheCommandLineAndSaysWhenAnotherProcessHoldsIt() throws IOException {
        Path file = TestData.file("pm4py-running-example/running-example.csv");

        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
            int exit = runWithTheBoltPortOf(file.toString(), "--journeyColumn=case:concept:name",
                    "--journeys.neo4j.embedded.bolt-port=" + other.getLocalPort());

            assertThat(exit).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("The Bolt port of --journeys.neo4j.embedded.bolt-port is in use by another process")
                .doesNotContain("stop it first");
    }

    @Test
    void refusesAStoreInUseAndSaysToStopTheAppOnIt() throws IOException {
        Path file = TestData.file("pm4py-running-example/running-example.csv");
        DatabaseManagementService app = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .build();
        JsonNode problem;
        try {
            problem = jsonOf(2, () -> run(file.toString(), "--journeyColumn=case:concept:name", "--report=json"));
        } finally {
            app.shutdown();
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the database cannot be opened",
                "If the app is running on the embedded database, stop it first");
        assertThat(problem.get("type").asString()).endsWith("/database-unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asString()).startsWith("the database cannot be opened: ")
                .contains("If the app is running on the embedded database, stop it first");
    }

    @Test
    void printsTheReportOrTheProblemAsTheHttpApiAnswersThemWithReportJson(@TempDir Path bulkStore)
            throws IOException {
        Path file = TestData.file("pm4py-running-example/running-example.csv");
        List<String> mapping = List.of("--journeyColumn=case:concept:name", "--touchpointColumn=concept:name",
                "--timestampColumn=time:timestamp", "--report=json");
        Path bad = dataDir.resolveSibling(dataDir.getFileName() + "-json-bad.csv");
        Files.writeString(bad, "journey_id,timestamp,touchpoint\nj1,2026-03-01T10:00:00Z,Home\nj1,soon,Cart\n");

        JsonNode online = jsonOf(0, () -> run(concat(List.of(file.toString()), mapping)));
        JsonNode again = jsonOf(0, () -> run(concat(List.of(file.toString()), mapping)));
        JsonNode bulk = jsonOf(0, () -> runOn(bulkStore, concat(List.of("--bulk", file.toString()),
                mapping)));
        JsonNode rejected = jsonOf(1, () -> run(bad.toString(), "--report=json"));
        JsonNode refused = jsonOf(2, () -> run(file.toString(), "--onError=maybe", "--report=json"));
        JsonNode skipped = jsonOf(0, () -> run(bad.toString(), "--onError=skip", "--report=json"));

        for (JsonNode report : List.of(online, bulk)) {
            assertThat(report.get("rowsRead").asLong()).isEqualTo(42);
            assertThat(report.get("eventsImported").asLong()).isEqualTo(42);
            assertThat(report.get("journeysCreated").asLong()).isEqualTo(6);
            assertThat(report.get("totalJourneys").asLong()).isEqualTo(6);
            assertThat(report.has("zone")).as("null members are left out, as over HTTP").isFalse();
        }
        assertThat(again.get("duplicateEvents").asLong()).isEqualTo(42);
        assertThat(again.get("totalEvents").asLong()).isEqualTo(42);
        assertThat(rejected.get("type").asString()).isEqualTo("https://journeyexplorer.dev/problems/invalid-upload");
        assertThat(rejected.get("status").asInt()).isEqualTo(400);
        assertThat(rejected.get("errorCount").asLong()).isEqualTo(1);
        assertThat(rejected.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(rejected.get("errors").get(0).get("field").asString()).isEqualTo("timestamp");
        assertThat(rejected.get("errors").get(0).get("file").asString()).isEqualTo(bad.toString());
        // Skipped, the row is named with its file as a rejected one is.
        assertThat(skipped.get("eventsImported").asLong()).isEqualTo(1);
        JsonNode skippedRow = skipped.get("errors").get(0);
        assertThat(skippedRow.get("file").asString()).isEqualTo(bad.toString());
        assertThat(skippedRow.get("line").asLong()).isEqualTo(3);
        assertThat(skippedRow.get("field").asString()).isEqualTo("timestamp");
        assertThat(skippedRow.get("reason").asString()).isEqualTo(rejected.get("errors").get(0).get("reason")
                .asString());
        assertThat(refused.get("type").asString()).endsWith("/invalid-parameter");
        assertThat(refused.get("parameter").asString()).isEqualTo("onError");
        assertThat(refused.get("detail").asString()).contains("must be reject or skip, was 'maybe'");
        assertThat(err.toString(StandardCharsets.UTF_8)).as("the errors in words on standard error too")
                .contains("line 3, timestamp: 'soon' is not a timestamp", "error: --onError must be reject or skip");
        Files.delete(bad);
    }

    @Test
    void printsTheProblemOfEveryUsageErrorOnStandardOutputWithReportJsonInAnyCase() throws IOException {
        String file = TestData.file("pm4py-running-example/running-example.csv").toString();
        Path empty = Files.createFile(dataDir.resolveSibling(dataDir.getFileName() + "-json-empty.csv"));

        JsonNode misspelt = jsonOf(2, () -> run(file, "--sesionGap=1h", "--report=JSON"));
        JsonNode badValue = jsonOf(2, () -> run(file, "--urls=query", "--report=Json"));
        JsonNode noFile = jsonOf(2, () -> run("--report=json"));
        JsonNode missing = jsonOf(2, () -> run("does-not-exist.csv", "--report=json"));
        JsonNode emptyFile = jsonOf(2, () -> run("--bulk", file, empty.toString(), "--report=json"));
        JsonNode twoFiles = jsonOf(2, () -> run(file, file, "--report=json"));
        JsonNode stdinTwice = jsonOf(2, () -> run("--bulk", "-", "-", "--report=json"));

        assertThat(misspelt.get("parameter").asString()).isEqualTo("sesionGap");
        assertThat(misspelt.get("detail").asString()).contains("--sesionGap is not an option of the import");
        assertThat(badValue.get("parameter").asString()).isEqualTo("urls");
        assertThat(badValue.get("type").asString()).endsWith("/invalid-parameter");
        assertThat(noFile.get("detail").asString()).isEqualTo("no file given");
        assertThat(missing.get("detail").asString()).isEqualTo("cannot read does-not-exist.csv: no such file");
        assertThat(emptyFile.get("detail").asString()).startsWith(empty + " is empty");
        assertThat(twoFiles.get("detail").asString()).startsWith("only one file can be imported at a time");
        assertThat(stdinTwice.get("detail").asString()).isEqualTo("standard input (-) can be read only once");
        assertThat(emptyFile.get("type").asString()).as("an empty body's problem over HTTP")
                .isEqualTo("https://journeyexplorer.dev/problems/invalid-upload");
        for (JsonNode problem : List.of(noFile, missing, twoFiles, stdinTwice)) {
            assertThat(problem.get("type").asString()).isEqualTo("https://journeyexplorer.dev/problems/bad-request");
            assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.has("parameter")).as("no option to name").isFalse();
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).as("the errors in words on standard error too").contains(
                "error: --sesionGap is not an option", "error: no file given\n\nUsage:",
                "error: cannot read does-not-exist.csv: no such file", "error: " + empty + " is empty",
                "error: standard input (-) can be read only once");
        assertThat(dataDir).as("no database was started").isEmptyDirectory();
        Files.delete(empty);
    }

    @Test
    void refusesAReportOtherThanTextOrJsonBeforeOpeningTheDatabase() {
        Path file = TestData.file("pm4py-running-example/running-example.csv");

        assertThat(run(file.toString(), "--report=yaml")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --report must be text (the summary) or "
                + "json (the report as the HTTP API answers it), was 'yaml'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(dataDir).as("no database was started").isEmptyDirectory();
    }

    @Test
    void cleansThePageAddressesOfAggregatedPathsAndAddsUpThePathsThatBecomeTheSame() throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-pages.csv");
        Files.writeString(file, """
                path;total_conversions;total_conversion_value;total_null
                https://shop.example/?utm_source=ig > https://shop.example/product/123?gclid=Cj0;2;20;3
                https://shop.example/ > https://shop.example/product/456#reviews;1;10;1
                """);
        List<String> options = List.of(file.toString(), "--aggregated", "--source=pages", "--urls=path",
                "--rewrite=/product/\\d+ -> /product/:id");

        JsonNode report = jsonOf(0, () -> run(concat(options, List.of("--report=json"))));
        assertThat(run(options.toArray(String[]::new))).as(err.toString(StandardCharsets.UTF_8)).isZero();

        // One path once cleaned: 3 conversions of 3 steps (with the conversion's), 4 non-conversions of 2.
        assertThat(report.get("eventsImported").asLong()).isEqualTo(3 * 3 + 4 * 2);
        assertThat(report.get("journeysCreated").asLong()).isEqualTo(2);
        assertThat(report.get("totalJourneys").asLong()).isEqualTo(7);
        assertThat(report.get("cleaning").get("names").asLong()).isEqualTo(4);
        assertThat(report.get("cleaning").get("touchpoints").asLong()).isEqualTo(2);
        assertThat(report.get("cleaning").get("renamedEvents").asLong()).isEqualTo(2 * 5 + 2 * 2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "Cleaned 4 touchpoint names into 2 touchpoints (14 events renamed)",
                "The database now holds 7 journeys and 17 events");
        Files.delete(file);
    }

    @Test
    void keepsEveryCompetitorRuleOfAggregatedPathsAsTheirEndpointDoes() throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-rivals.csv");
        Files.writeString(file, """
                path;total_conversions;total_conversion_value;total_null
                Rival Deals > Home;1;10;1
                Other, Shop > Home;0;0;2
                Own Blog > Home;1;5;0
                """);

        assertThat(run(file.toString(), "--aggregated", "--source=rivals", "--competitor=^Rival .*",
                "--competitor=Other, Shop")).as(err.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(touchpointOwners(dataDir)).containsExactlyInAnyOrderEntriesOf(Map.of("Rival Deals", "competitor",
                "Other, Shop", "competitor", "Own Blog", "own", "Home", "own", "Conversion", "own"));
        Files.delete(file);
    }

    /** The touchpoints of each journey of the store in {@code store}, in order, by journey id. */
    private static Map<String, List<String>> journeyPaths(Path store) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(store)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .build();
        try {
            return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally(
                    "MATCH (j:Journey) RETURN j.id AS id, j.path AS path", Map.of(), result -> {
                        Map<String, List<String>> paths = new TreeMap<>();
                        result.forEachRemaining(row -> paths.put((String) row.get("id"),
                                List.of((String[]) row.get("path"))));
                        return paths;
                    });
        } finally {
            dbms.shutdown();
        }
    }

    /** The owner of each touchpoint of the store in {@code store} (not the start and the ends), by name. */
    private static Map<String, String> touchpointOwners(Path store) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(store)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .build();
        try {
            return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally(
                    "MATCH (t:Touchpoint) WHERE t.owner IS NOT NULL RETURN t.name AS name, toLower(t.owner) AS owner",
                    Map.of(), result -> {
                        Map<String, String> owners = new TreeMap<>();
                        result.forEachRemaining(row -> owners.put((String) row.get("name"),
                                (String) row.get("owner")));
                        return owners;
                    });
        } finally {
            dbms.shutdown();
        }
    }

    @Test
    void refusesTheOptionsThatTheKindOfFileWouldIgnoreBeforeOpeningTheDatabase() {
        Path paths = TestData.file("channelattribution/Data.csv");
        Path events = TestData.file("pm4py-running-example/running-example.csv");

        assertThat(run(paths.toString(), "--aggregated", "--zone=Europe/Paris")).isEqualTo(2);
        assertThat(run(paths.toString(), "--aggregated", "--journeyColumn=id")).isEqualTo(2);
        assertThat(run(paths.toString(), "--aggregated", "--format=ndjson")).isEqualTo(2);
        assertThat(run(paths.toString(), "--aggregated", "--orderColumn=batch_event_index")).isEqualTo(2);
        assertThat(run(events.toString(), "--source=events")).isEqualTo(2);
        JsonNode problem = jsonOf(2, () -> run(paths.toString(), "--aggregated", "--sessionGap=1h",
                "--report=json"));

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "error: --zone is an option of event imports, which aggregated paths would ignore: they have no "
                        + "times",
                "error: --journeyColumn is an option of event imports, which aggregated paths would ignore: their "
                        + "columns are --pathColumn,",
                "error: --format is an option of event imports, which aggregated paths would ignore: they are read "
                        + "as CSV",
                "error: --orderColumn is an option of event imports, which aggregated paths would ignore: they have "
                        + "no times",
                "error: --source is an option of aggregated paths (--aggregated), which an event import would "
                        + "ignore");
        assertThat(problem.get("parameter").asString()).isEqualTo("sessionGap");
        assertThat(dataDir).as("no database was started").isEmptyDirectory();
    }

    /** The one JSON document on standard output of {@code command}, after checking its exit code. */
    private JsonNode jsonOf(int exit, java.util.function.IntSupplier command) {
        out.reset();
        assertThat(command.getAsInt()).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(exit);
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(stdout.lines()).as("one JSON document on one line, nothing else: " + stdout).hasSize(1);
        return JSON.readTree(stdout);
    }

    private static String[] concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all.toArray(String[]::new);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Runs the command on {@code store} instead of the test's, as {@link #run}. */
    private int runOn(Path store, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--journeys.neo4j.embedded.bolt-port=0");
        all.add("--journeys.data-dir=" + store);
        all.add("--journeys.neo4j.embedded.page-cache-size=32MB");
        all.add("--journeys.neo4j.embedded.preallocate-transaction-logs=false");
        return ImportCommand.run(all.toArray(String[]::new), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void namesTheBatchImportersLogWhenItFailsToWriteTheStore() throws IOException {
        Path file = TestData.file("pm4py-running-example/running-example.csv");
        // The store's transaction logs go to a folder where none can be made (not even by root): the batch importer
        // fails as it writes them, at its end.
        Files.createDirectories(dataDir.resolve("data"));
        Files.createSymbolicLink(dataDir.resolve("data").resolve("transactions"), Path.of("/proc/self"));

        int exit = run("--bulk", file.toString(), "--journeyColumn=case:concept:name",
                "--touchpointColumn=concept:name", "--timestampColumn=time:timestamp");

        Path log = dataDir.resolve("logs").resolve(BulkLoadCommand.IMPORTER_LOG);
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).as("the folder and why it cannot be made")
                .containsPattern("\nerror: /proc/\\d+/neo4j: [a-z ]+\nThe batch importer's output is in "
                        + Pattern.quote(log.toString()) + "\n");
        assertThat(log).content().contains("(1/4) Node import");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** Takes port 7687 as an app on another store does; null when another process holds it already. */
    private static ServerSocket holdTheDefaultBoltPort() throws IOException {
        try {
            return new ServerSocket(7687, 50, InetAddress.getByName("localhost"));
        } catch (BindException taken) {
            return null;
        }
    }
}
