package com.journeyexplorer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyChanges;

/**
 * Builds a snapshot from an event CSV the way an import does, without a database: for benchmarks and profiling of
 * the analyses on large data sets, where importing into Neo4j first would take minutes.
 */
public final class InMemoryImport {

    private InMemoryImport() {
    }

    /** The snapshot an import of {@code csv} (canonical columns, default options) into an empty store produces. */
    public static JourneySnapshot snapshotOf(Path csv) throws IOException {
        ImportOptions options = ImportOptions.defaults(Duration.ofMinutes(30));
        JourneySnapshot empty = JourneySnapshot.empty();
        ErrorCollector errors = new ErrorCollector(100);
        EventAccumulator accumulator = new EventAccumulator(empty, options, new TimestampParser(ZoneOffset.UTC),
                errors, Integer.MAX_VALUE);
        try (InputStream input = Files.newInputStream(csv)) {
            new CsvRowReader(',', List.of("touchpoint", "timestamp")).read(input, accumulator::accept, errors);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(csv + " has invalid rows: " + errors.errors());
        }
        JourneyChanges changes = new JourneyAssembler(empty, options.sessionGap()).assemble(accumulator);
        return empty.withChanges(changes.touchpoints(), changes.upserts());
    }
}
