package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.journeyexplorer.JourneyExplorerApplication;
import com.journeyexplorer.TestData;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.cli.ImportCommand;
import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoStore;
import com.journeyexplorer.journey.Journey;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import --bulk} against the online import of the same files, each into its own embedded store: the same
 * report, the same graph (labels, relationships, every node's and step's properties, the TRANSITION graph, the
 * journal entry), the same answers to the Cypher files, a consistent store, the same schema once the app opened it,
 * and the same projection journey by journey. And what it refuses: a store with data, a file with a bad row.
 */
class BulkLoadTests {

    private static final Path QUERIES = Path.of("cypher", "queries");

    @TempDir
    Path work;

    @Test
    void bulkLoadsTheRunningExampleAsTheOnlineImportDoes() throws IOException {
        Path file = TestData.file("pm4py-running-example/running-example.csv");
        String[] options = {"--journeyColumn=case:concept:name", "--touchpointColumn=concept:name",
                "--timestampColumn=time:timestamp", "--purchase=pay compensation"};

        Run online = cli(work.resolve("online"), concat(new String[] {file.toString()}, options));
        Run bulk = cli(work.resolve("bulk"), concat(new String[] {"--bulk", file.toString()}, options));

        assertThat(online.exit).as(online.err).isZero();
        assertThat(bulk.exit).as(bulk.err).isZero();
        assertThat(bulk.out).contains("Imported 42 events into 6 journeys (6 new, 0 updated) from 42 rows");
        assertThat(summary(bulk.out)).isEqualTo(summary(online.out));
        assertThat(journeysWithoutCustomerSegmentOrDevice(work.resolve("bulk")))
                .as("as the batch importer wrote them, before a start of the app converts anything").isEqualTo(6);
        assertSameStore(work.resolve("online"), work.resolve("bulk"));
    }

    /**
     * A GA4-shaped export with the rules by event name: the bulk load keeps the page views and the purchase found by
     * its name, passes over the other rows and reports them as the online import does, into the same store.
     */
    @Test
    void bulkLoadsAWebExportsPageViewsByEventNameAsTheOnlineImportDoes() throws IOException {
        Path file = work.resolve("ga4-events.csv");
        try (var input = BulkLoadTests.class.getResourceAsStream("/web-exports/ga4-events.csv")) {
            Files.copy(input, file);
        }
        String[] options = {"--journeyColumn=user_pseudo_id,ga_session_id", "--orderColumn=batch_event_index",
                "--timestampColumn=event_timestamp", "--touchpointColumn=page_location", "--urls=path",
                "--valueColumn=purchase_revenue", "--eventColumn=event_name", "--events=page_view",
                "--purchaseEvent=purchase", "--openHorizon=0"};

        Run online = cli(work.resolve("online"), concat(new String[] {file.toString()}, options));
        Run bulk = cli(work.resolve("bulk"), concat(new String[] {"--bulk", file.toString()}, options));

        assertThat(online.exit).as(online.err).isZero();
        assertThat(bulk.exit).as(bulk.err).isZero();
        assertThat(bulk.out).contains("Imported 7 events into 2 journeys (2 new, 0 updated) from 19 rows",
                "Passed over 12 rows of events --events does not list ('user_engagement': 5, 'scroll': 2, "
                        + "'session_start': 2, 'add_to_cart': 1, 'begin_checkout': 1, 'view_item': 1)",
                "Rule purchaseEvent matched 1 event ('purchase': 1)");
        assertThat(summary(bulk.out)).isEqualTo(summary(online.out));
        StoreView store = assertSameStore(work.resolve("online"), work.resolve("bulk"));
        Journey bought = store.snapshot.journey("111.1701000000|1701000000").orElseThrow();
        assertThat(bought.length()).isEqualTo(5);
        assertThat(bought.value()).isEqualTo(59.90);
    }

    /** Opens the store without the app, whose start would remove texts stored as "". */
    private static long journeysWithoutCustomerSegmentOrDevice(Path dataDir) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .build();
        try (var tx = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).beginTx()) {
            return (Long) tx.execute("""
                    MATCH (j:Journey) WHERE j.customerId IS NULL AND j.segment IS NULL AND j.device IS NULL
                    RETURN count(j) AS n""").next().get("n");
        } finally {
            dbms.shutdown();
        }
    }

    @Test
    void bulkLoadsTheDemoShapeFromTwoFilesInTwoFormatsAsTheOnlineImportOfOneFile() throws IOException {
        Path csv = work.resolve("demo.csv");
        DemoCsvWriter.write(new DemoStore(DemoCsvWriter.DEFAULT_SEED), 600, csv);
        Path first = work.resolve("demo-first.csv.gz");
        Path second = work.resolve("demo-second.ndjson");
        splitByJourney(csv, first, second);

        Run online = cli(work.resolve("online"), csv.toString(), "--purchase=Order confirmation", "--openHorizon=0");
        Run bulk = cli(work.resolve("bulk"), "--bulk", first.toString(), second.toString(),
                "--purchase=Order confirmation", "--openHorizon=0");

        assertThat(online.exit).as(online.err).isZero();
        assertThat(bulk.exit).as(bulk.err).isZero();
        assertThat(summary(bulk.out)).isEqualTo(summary(online.out));
        StoreView view = assertSameStore(work.resolve("online"), work.resolve("bulk"));
        // The queries of survey answers find none: a bulk load stores events only, as this online import of them does.
        view.queries.forEach((file, rows) -> {
            if (readsAnswers(file)) {
                assertThat(rows).as(file).isEmpty();
            } else {
                assertThat(rows).as("%s finds the demo's stories", file).isNotEmpty();
            }
        });
    }

    @Test
    void refusesAStoreThatHoldsDataAndLeavesItAsItWas() throws IOException {
        Path file = TestData.file("pm4py-running-example/running-example.csv");
        Path dataDir = work.resolve("store");
        assertThat(cli(dataDir, file.toString(), "--journeyColumn=case:concept:name",
                "--touchpointColumn=concept:name", "--timestampColumn=time:timestamp").exit).isZero();

        Run bulk = cli(dataDir, "--bulk", file.toString(), "--journeyColumn=case:concept:name",
                "--touchpointColumn=concept:name", "--timestampColumn=time:timestamp", "--report=json");

        assertThat(bulk.exit).isEqualTo(2);
        assertThat(bulk.err).contains("is not empty: a bulk load writes only into an empty store");
        assertThat(bulk.out).as("the problem for a script on standard output").contains(
                "\"type\":\"https://journeyexplorer.dev/problems/conflict\"", "\"status\":409",
                "is not empty: a bulk load writes only into an empty store");
        try (ConfigurableApplicationContext app = open(dataDir)) {
            assertThat(app.getBean(JourneyProjection.class).current().journeyCount()).isEqualTo(6);
        }
    }

    @Test
    void rejectsABadRowWithTheOnlineReportAndWritesNothingThenLoadsTheStoreTheAppOpened() throws IOException {
        Path good = goodFile();
        Path bad = badFile();

        Run online = cli(work.resolve("online"), bad.toString());
        Run bulk = cli(work.resolve("bulk"), "--bulk", bad.toString());
        Run twoFiles = cli(work.resolve("bulk"), "--bulk", good.toString(), bad.toString());

        assertThat(online.exit).isEqualTo(1);
        assertThat(bulk.exit).isEqualTo(1);
        assertThat(bulk.err).contains("rejected: 1 row is invalid; nothing was imported",
                bad + ", line 3, timestamp: 'soon' is not a timestamp");
        assertThat(rejection(bulk.err)).isEqualTo(rejection(online.err));
        assertThat(twoFiles.exit).isEqualTo(1);
        assertThat(twoFiles.err).contains("bad.csv, line 3, timestamp: 'soon' is not a timestamp");
        try (ConfigurableApplicationContext app = open(work.resolve("bulk"))) {
            assertThat(app.getBean(JourneyProjection.class).current().journeyCount()).isZero();
            assertThat(single(app, "MATCH (n) RETURN count(n) AS n").get("n").asLong()).isZero();
        }

        // The app opened the store, which is still empty: a bulk load replaces it.
        Run afterwards = cli(work.resolve("bulk"), "--bulk", good.toString());
        assertThat(afterwards.exit).as(afterwards.err).isZero();
        try (ConfigurableApplicationContext app = open(work.resolve("bulk"))) {
            assertThat(app.getBean(JourneyProjection.class).current().journey("g1")).isPresent();
            assertThat(rows(app, "cypher/consistency-check.cypher")).isEmpty();
            // The journal entry undoes the bulk load like an online import.
            String importId = single(app, "MATCH (i:Import) RETURN i.id AS id").get("id").asString();
            JourneySnapshot undone = app.getBean(JourneyGraph.class).undo(importId, (changes, after, id) -> after);
            assertThat(undone.journeyCount()).isZero();
            assertThat(undone.touchpoints()).isEmpty();
        }
    }

    @Test
    void loadsAStoreThatAnImportWithABadRowLeftEmpty() throws IOException {
        Path dataDir = work.resolve("store");
        assertThat(cli(dataDir, badFile().toString()).exit).isEqualTo(1);

        Run bulk = cli(dataDir, "--bulk", goodFile().toString());

        assertThat(bulk.exit).as(bulk.err).isZero();
        try (ConfigurableApplicationContext app = open(dataDir)) {
            assertThat(app.getBean(JourneyProjection.class).current().journey("g1")).isPresent();
        }
    }

    @Test
    void skipsBadRowsOfSeveralFilesNamingTheFileOfEach() throws IOException {
        Path good = goodFile();
        Path bad = badFile();

        Run bulk = cli(work.resolve("bulk"), "--bulk", good.toString(), bad.toString(), "--onError=skip");

        assertThat(bulk.exit).as(bulk.err).isZero();
        assertThat(bulk.out).contains("  " + bad + ", line 3, timestamp: 'soon' is not a timestamp");
    }

    @Test
    void namesTheFileOfABadRowAsGivenSoThatTwoFilesOfOneNameInTwoFoldersAreToldApart() throws IOException {
        Path march = Files.createDirectories(work.resolve("2026-03")).resolve("events.csv");
        Path april = Files.createDirectories(work.resolve("2026-04")).resolve("events.csv");
        Files.writeString(march, "journey_id,timestamp,touchpoint\nm1,2026-03-01T10:00:00Z,Home\n");
        Files.writeString(april, "journey_id,timestamp,touchpoint\na1,2026-04-01T10:00:00Z,Home\na1,soon,Cart\n");

        Run bulk = cli(work.resolve("bulk"), "--bulk", march.toString(), april.toString());

        assertThat(bulk.exit).isEqualTo(1);
        assertThat(bulk.err).contains("  " + april + ", line 3, timestamp: 'soon' is not a timestamp");
    }

    @Test
    void refusesFilesOfOnlyAHeaderEachAtItsLineOneAsTheOnlineImportDoes() throws IOException {
        Path first = Files.writeString(work.resolve("first.csv"), "journey_id,timestamp,touchpoint\n");
        Path second = Files.writeString(work.resolve("second.ndjson"), "\n");

        Run one = cli(work.resolve("bulk"), "--bulk", first.toString());
        Run two = cli(work.resolve("bulk"), "--bulk", first.toString(), second.toString());

        assertThat(one.exit).isEqualTo(1);
        assertThat(one.err).contains("rejected: the upload has no data rows, only a header",
                "line 1: is the header, and no data row follows it");
        assertThat(two.exit).isEqualTo(1);
        assertThat(two.err).contains("first.csv, line 1: is the header, and no data row follows it",
                "second.ndjson, line 1: has no JSON object (NDJSON wants one per line)");
    }

    @Test
    void refusesAFileOfOnlyAHeaderBesideFilesWithRowsNamingItAsWhenItIsAlone() throws IOException {
        Path good = goodFile();
        Path header = Files.writeString(work.resolve("header.csv"), "journey_id,timestamp,touchpoint\n");
        Path bad = badFile();

        Run rejected = cli(work.resolve("bulk"), "--bulk", good.toString(), header.toString());
        Run withABadRow = cli(work.resolve("bulk"), "--bulk", good.toString(), header.toString(), bad.toString(),
                "--report=json");
        Run skipped = cli(work.resolve("skipped"), "--bulk", good.toString(), header.toString(), "--onError=skip");

        assertThat(rejected.exit).isEqualTo(1);
        assertThat(rejected.err).as("a file without rows, not an invalid row").contains("rejected: the file " + header
                + " has no data rows (line 1: is the header, and no data row follows it); nothing was imported (use "
                + "--onError=skip to import the valid rows and pass over that file)",
                header + ", line 1: is the header, and no data row follows it").doesNotContain("row is invalid");
        assertThat(withABadRow.exit).isEqualTo(1);
        assertThat(withABadRow.err).contains("rejected: 1 row is invalid and the file " + header
                + " has no data rows");
        JsonNode problem = JsonMapper.builder().build().readTree(withABadRow.out);
        assertThat(problem.get("detail").asString()).startsWith("1 row is invalid and the file " + header
                + " has no data rows").contains("use onError=skip");
        assertThat(problem.get("errors")).extracting(error -> error.get("file").asString() + ":"
                + error.get("line").asLong()).containsExactly(bad + ":3", header + ":1");
        assertThat(skipped.exit).as(skipped.err).isZero();
        assertThat(skipped.out).contains("Imported 1 event into 1 journey",
                "Skipped 1 file without rows: " + header + ", line 1: is the header, and no data row follows it")
                .as("a file without rows, not a rejected row").doesNotContain("Rejected");
    }

    /** Both stores, opened by the app in turn, hold the same graph, schema and projection; returns the bulk one's. */
    private StoreView assertSameStore(Path onlineDir, Path bulkDir) throws IOException {
        StoreView online = view(onlineDir);
        StoreView bulk = view(bulkDir);
        assertThat(bulk.labels).isEqualTo(online.labels);
        assertThat(bulk.relationships).isEqualTo(online.relationships);
        assertThat(bulk.touchpoints).isEqualTo(online.touchpoints);
        assertThat(bulk.journeys).isEqualTo(online.journeys);
        assertThat(bulk.steps).isEqualTo(online.steps);
        assertThat(bulk.transitions).isEqualTo(online.transitions);
        assertThat(bulk.journal).isEqualTo(online.journal);
        assertThat(bulk.schema).isEqualTo(online.schema);
        assertThat(bulk.queries).isEqualTo(online.queries);
        assertThat(bulk.consistency).as("transitions that disagree with the steps").isEmpty();
        assertThat(online.consistency).isEmpty();

        assertThat(bulk.snapshot.touchpoints()).isEqualTo(online.snapshot.touchpoints());
        assertThat(bulk.snapshot.journeyCount()).isEqualTo(online.snapshot.journeyCount());
        assertThat(bulk.snapshot.eventCount()).isEqualTo(online.snapshot.eventCount());
        for (Journey expected : online.snapshot.journeys()) {
            Journey actual = bulk.snapshot.journey(expected.id()).orElseThrow();
            assertThat(actual.customerId()).isEqualTo(expected.customerId());
            assertThat(actual.steps()).isEqualTo(expected.steps());
            assertThat(actual.times()).isEqualTo(expected.times());
            assertThat(actual.types()).isEqualTo(expected.types());
            assertThat(actual.eventIds()).isEqualTo(expected.eventIds());
            assertThat(actual.outcome()).isEqualTo(expected.outcome());
            assertThat(actual.value()).isEqualTo(expected.value());
            assertThat(actual.segment()).isEqualTo(expected.segment());
            assertThat(actual.device()).isEqualTo(expected.device());
            assertThat(actual.attributes()).isEqualTo(expected.attributes());
            assertThat(actual.events()).isEqualTo(expected.events());
            assertThat(actual.openHorizon()).isEqualTo(expected.openHorizon());
        }
        return bulk;
    }

    /** What a store holds, read through the app that opened it; ids and times of the import left out. */
    private record StoreView(JourneySnapshot snapshot, List<String> labels, List<String> relationships,
            List<String> touchpoints, List<String> journeys, List<String> steps, List<String> transitions,
            List<String> journal, List<String> schema, Map<String, List<String>> queries, List<String> consistency) {
    }

    private static boolean readsAnswers(String queryFile) {
        try {
            return Files.readString(QUERIES.resolve(queryFile)).contains(":ANSWERED]");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private StoreView view(Path dataDir) throws IOException {
        try (ConfigurableApplicationContext app = open(dataDir)) {
            Map<String, List<String>> queries = new TreeMap<>();
            try (Stream<Path> files = Files.list(QUERIES)) {
                for (Path file : files.sorted().toList()) {
                    queries.put(file.getFileName().toString(), rows(app, file.toString()));
                }
            }
            // Left out: how other app instances follow the journal (ADR 0009), the head that numbers finished
            // entries, the ids each entry changed and the imports lease. A bulk load runs while no instance does, so it
            // needs none of them.
            return new StoreView(app.getBean(JourneyProjection.class).current(),
                    strings(app, """
                            MATCH (n) UNWIND labels(n) AS label
                            WITH label WHERE NOT label IN ['JournalHead', 'JourneyChange', 'ImportLease']
                            RETURN label, count(*) AS nodes"""),
                    strings(app, """
                            MATCH ()-[r]->() WHERE type(r) <> 'CHANGED'
                            RETURN type(r) AS type, count(*) AS relationships"""),
                    strings(app, """
                            MATCH (t:Touchpoint), (i:Import)
                            RETURN labels(t) AS labels, t {.*, createdByImport: null} AS props,
                                   t.createdByImport IS NULL OR t.createdByImport = i.id AS createdByTheImport"""),
                    strings(app, """
                            MATCH (j:Journey), (i:Import)
                            RETURN j {.*, importId: null} AS props, j.importId = i.id AS writtenByTheImport"""),
                    strings(app, """
                            MATCH (j:Journey)-[v:VISITED]->(t:Touchpoint)
                            RETURN j.id AS journey, t.name AS touchpoint, properties(v) AS props"""),
                    strings(app, """
                            MATCH (a:Touchpoint)-[r:TRANSITION]->(b:Touchpoint)
                            RETURN a.name AS from, b.name AS to, properties(r) AS props"""),
                    strings(app, """
                            MATCH (i:Import)
                            RETURN i {.*, id: null, startedAt: null, finishedAt: null, sequence: null,
                                      instance: null} AS props,
                                   i.startedAt <= i.finishedAt AS timed"""),
                    strings(app, """
                            SHOW INDEXES YIELD type, entityType, labelsOrTypes, properties, state
                            RETURN type, entityType, labelsOrTypes, properties, state"""),
                    queries, rows(app, "cypher/consistency-check.cypher"));
        }
    }

    /** The rows of a query as strings, sorted: the same multiset of rows whatever order the store returns them in. */
    private static List<String> strings(ConfigurableApplicationContext app, String query) {
        try (Session session = app.getBean(Driver.class).session()) {
            List<String> rows = new ArrayList<>();
            for (Record row : session.run(query).list()) {
                rows.add(String.valueOf(new TreeMap<>(row.asMap(value -> sorted(value.asObject())))));
            }
            rows.sort(null);
            return rows;
        }
    }

    private static Object sorted(Object value) {
        return value instanceof Map<?, ?> map ? new TreeMap<>(map) : value;
    }

    /** The rows of the last statement of a Cypher file, as strings, sorted. */
    private static List<String> rows(ConfigurableApplicationContext app, String file) throws IOException {
        List<String> statements = StoreSchema.statements(Files.readString(Path.of(file)));
        for (int i = 0; i < statements.size() - 1; i++) {
            strings(app, statements.get(i));
        }
        return strings(app, statements.get(statements.size() - 1));
    }

    private static Record single(ConfigurableApplicationContext app, String query) {
        try (Session session = app.getBean(Driver.class).session()) {
            return session.run(query).single();
        }
    }

    private static ConfigurableApplicationContext open(Path dataDir) {
        return new SpringApplicationBuilder(JourneyExplorerApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run("--journeys.data-dir=" + dataDir);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(Path dataDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(concat(args, new String[] {"--journeys.data-dir=" + dataDir,
                        "--journeys.neo4j.embedded.bolt-port=0", "--journeys.neo4j.embedded.page-cache-size=32MB",
                        "--journeys.neo4j.embedded.preallocate-transaction-logs=false"}),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The summary without its times, speeds and import id. */
    private static List<String> summary(String out) {
        return out.lines()
                .map(line -> line.replaceAll(" in [0-9.]+ s( \\([0-9.,]+ events/s\\))?", ""))
                .filter(line -> !line.startsWith("Import id "))
                .toList();
    }

    /** The rejection and its rows, without the progress bar. */
    private static List<String> rejection(String err) {
        List<String> lines = err.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("rejected:")) {
                return lines.subList(i, lines.size());
            }
        }
        return List.of();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** The first half of the journeys to a gzip CSV, the second half to NDJSON (empty cells left out). */
    private static void splitByJourney(Path csv, Path gzipCsv, Path ndjson) throws IOException {
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().get())) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        }
        String middle = records.get(records.size() / 2).get("journey_id");
        int split = 0;
        while (!records.get(split).get("journey_id").equals(middle)) {
            split++;
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipCsv));
                var printer = new org.apache.commons.csv.CSVPrinter(
                        new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                        CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (CSVRecord record : records.subList(0, split)) {
                printer.printRecord(record.values());
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        StringBuilder lines = new StringBuilder();
        for (CSVRecord record : records.subList(split, records.size())) {
            Map<String, String> object = new LinkedHashMap<>();
            for (String column : header) {
                if (!record.get(column).isEmpty()) {
                    object.put(column, record.get(column));
                }
            }
            lines.append(json.writeValueAsString(object)).append('\n');
        }
        Files.writeString(ndjson, lines);
    }

    /** One valid journey. */
    @Test
    void refusesAPurchaseValueItsJourneyCannotAddUpNamingTheFileItIsIn() throws IOException {
        Path first = Files.writeString(work.resolve("first.csv"),
                "journey_id,timestamp,touchpoint,type,value\nbig-1,2026-03-01T10:00:00Z,Pay,purchase,1e308\n");
        Path second = Files.writeString(work.resolve("second.csv"), "journey_id,timestamp,touchpoint,type,value\n"
                + "g1,2026-03-01T10:00:00Z,Home,,\nbig-1,2026-03-01T10:01:00Z,Pay again,purchase,1e308\n");

        Run bulk = cli(work.resolve("bulk"), "--bulk", first.toString(), second.toString());

        assertThat(bulk.exit).isEqualTo(1);
        assertThat(bulk.err).contains("second.csv, line 3, value: makes the value of journey 'big-1', with the rows "
                + "before, larger than the largest number stored");
    }

    private Path goodFile() throws IOException {
        return Files.writeString(work.resolve("good.csv"),
                "journey_id,timestamp,touchpoint\ng1,2026-03-01T10:00:00Z,Home\n");
    }

    /** A journey whose second row has a bad timestamp, at line 3. */
    private Path badFile() throws IOException {
        return Files.writeString(work.resolve("bad.csv"),
                "journey_id,timestamp,touchpoint\nj1,2026-03-01T10:00:00Z,Home\nj1,soon,Cart\n");
    }
}
