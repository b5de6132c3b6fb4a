package com.journeyexplorer.graph;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.commandline.dbms.CannotWriteException;
import org.neo4j.commandline.dbms.LockChecker;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.context.FixedVersionContextSupplier;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.internal.NullLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import org.neo4j.storageengine.api.StorageEngineFactory;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Writes a first import into an empty store with Neo4j's parallel batch importer (the engine of {@code neo4j-admin
 * database import full}), while no database runs on it: the same graph an online import writes (touchpoints with
 * {@link JourneyProperties}, journeys and their VISITED steps, the {@code Start} and outcome nodes, the aggregated
 * TRANSITION graph of {@link TransitionWriter}, and a finished {@code (:Import)} journal entry), but as store files
 * instead of transactions. The constraints and indexes of {@code cypher/schema.cypher} are created when the app next
 * opens the store ({@link StoreSchema#applySchema}). Cost: O(nodes + relationships) on every core, no transaction
 * state, no index updates while writing.
 */
public final class BulkStoreWriter {

    private static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    private static final String[] TOUCHPOINT = {"Touchpoint"};
    private static final String[] START = {"Touchpoint", "Start"};
    private static final String[] OUTCOME = {"Touchpoint", "Outcome"};
    private static final String[] JOURNEY = {"Journey"};
    private static final String[] IMPORT = {"Import"};
    private static final Label IMPORT_LEASE = Label.label("ImportLease");

    /** Neo4j's defaults, and the label and relationship-type lookup indexes every new database has. */
    private static final Configuration IMPORTER_SETTINGS = new Configuration() {
        @Override
        public IndexConfig indexConfig() {
            return IndexConfig.create().withLabelIndex().withRelationshipTypeIndex();
        }
    };

    private final Path home;
    private final PrintStream progress;

    /**
     * @param dataDir  the app's {@code journeys.data-dir}, the home of its embedded Neo4j
     * @param progress where the batch importer prints its stages
     */
    public BulkStoreWriter(Path dataDir, PrintStream progress) {
        this.home = dataDir.toAbsolutePath().normalize();
        this.progress = progress;
    }

    /**
     * Refuses a store that is in use or holds any node but the imports lease. A database directory with store files
     * is opened briefly (without Bolt) to look for a node; none at all costs nothing.
     *
     * @throws BulkLoadRefusedException when a database runs on the store, or it is not empty
     */
    public void requireEmptyStore() {
        Config config = config();
        DatabaseLayout layout = layout(config);
        try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            try (Closeable locks = lock(config, layout)) {
                if (!StorageEngineFactory.selectStorageEngine(config).storageExists(fs, layout)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 16L << 20)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                .build();
        try (Transaction tx = dbms.database(DATABASE).beginTx();
                var nodes = tx.getAllNodes().iterator()) {
            // The imports lease is no data: an import that was refused (a bad row) leaves it, let go, behind.
            while (nodes.hasNext()) {
                if (!nodes.next().hasLabel(IMPORT_LEASE)) {
                    throw new BulkLoadRefusedException("the database in " + home + " is not empty: a bulk load "
                            + "writes only into an empty store (import into this one without --bulk, or give a new "
                            + "journeys.data-dir)");
                }
            }
        } finally {
            dbms.shutdown();
        }
    }

    /**
     * Writes the import {@code changes} (planned against an empty snapshot; {@code after} is the snapshot they make)
     * into the store, replacing the files of an empty database there. Run {@link #requireEmptyStore} first.
     *
     * @param startedAt when the import started, kept on its journal entry
     * @return the id of the import's journal entry
     * @throws BulkLoadRefusedException when a database runs on the store
     */
    public String write(JourneyChanges changes, JourneySnapshot after, ZonedDateTime startedAt) {
        String importId = UUID.randomUUID().toString();
        Config config = config();
        StorageEngineFactory engine = StorageEngineFactory.selectStorageEngine(config);
        DatabaseLayout layout = layout(config);
        TransitionTable transitions = TransitionTable.of(after, journey -> true, true);
        Input input = input(changes, transitions, importId, startedAt);
        try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction();
                JobScheduler scheduler = JobSchedulerFactory.createInitialisedScheduler();
                Closeable locks = lock(config, layout)) {
            // As neo4j-admin's import over an existing database: its files go, the lock file stays.
            fs.deleteRecursively(layout.databaseDirectory(), path -> !path.equals(layout.databaseLockFile()));
            fs.deleteRecursively(layout.getTransactionLogsDirectory());
            engine.batchImporter(layout, fs, PageCacheTracer.NULL, IMPORTER_SETTINGS,
                    NullLogService.getInstance(), progress, false, DefaultAdditionalIds.EMPTY, config,
                    Monitor.NO_MONITOR, scheduler, Collector.STRICT, TransactionLogInitializer.getLogFilesInitializer(),
                    new IndexImporterFactoryImpl(), EmptyMemoryTracker.INSTANCE,
                    new CursorContextFactory(PageCacheTracer.NULL, FixedVersionContextSupplier.EMPTY_CONTEXT_SUPPLIER))
                    .doImport(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
        return importId;
    }

    private Config config() {
        return Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
    }

    private static DatabaseLayout layout(Config config) {
        return StorageEngineFactory.selectStorageEngine(config)
                .formatSpecificDatabaseLayout(Neo4jLayout.of(config).databaseLayout(DATABASE));
    }

    /** The DBMS's and the database's lock files, held while the store is written: a running database holds them. */
    private Closeable lock(Config config, DatabaseLayout layout) {
        Closeable dbms = null;
        try {
            // The lock files are made where they belong; a fresh data directory has none yet.
            Files.createDirectories(layout.databaseDirectory());
            dbms = LockChecker.checkDbmsLock(Neo4jLayout.of(config));
            Closeable database = LockChecker.checkDatabaseLock(layout);
            Closeable held = dbms;
            return () -> {
                try (held) {
                    database.close();
                }
            };
        } catch (CannotWriteException e) {
            closeQuietly(dbms);
            throw new BulkLoadRefusedException("the database in " + home + " is in use or cannot be written ("
                    + e.getMessage() + "): stop the app (or the Neo4j server) running on it first");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // Released with the process anyway.
            }
        }
    }

    /**
     * The nodes: touchpoints (node id = touchpoint id), the start and outcome nodes (numbered as in
     * {@link NodeSpace}), the journeys, the journal entry. The relationships: each journey's steps, then the
     * aggregated transitions.
     */
    private static Input input(JourneyChanges changes, TransitionTable transitions, String importId,
            ZonedDateTime startedAt) {
        List<Touchpoint> touchpoints = changes.touchpoints();
        List<Journey> journeys = changes.upserts();
        NodeSpace space = new NodeSpace(touchpoints.size());
        List<Map<String, Object>> special = TransitionWriter.specialNodes();
        Set<Integer> created = new HashSet<>();
        changes.changedTouchpoints().forEach(touchpoint -> created.add(touchpoint.id()));
        int firstJourney = space.size();
        int importNode = firstJourney + journeys.size();
        Map<String, Object> entry = new HashMap<>();
        entry.put("id", importId);
        entry.put("kind", "import");
        entry.put("status", "done");
        entry.put("startedAt", startedAt);
        entry.put("finishedAt", ZonedDateTime.now(ZoneOffset.UTC));
        entry.put("journeys", (long) journeys.size());
        entry.put("events", changes.newEvents());
        entry.put("responses", 0L);
        // As an online import's entry: it created every journey, and removed nothing.
        entry.put("journeysCreated", (long) changes.journeysCreated());
        entry.put("journeysRemoved", 0L);
        entry.put("eventsRemoved", 0L);

        BulkInput.Groups nodes = new BulkInput.Groups() {
            @Override
            public int groups() {
                return importNode + 1;
            }

            @Override
            public int size(int group) {
                return 1;
            }

            @Override
            public void visit(int node, int member, InputEntityVisitor visitor) throws IOException {
                visitor.id(node);
                if (node < touchpoints.size()) {
                    visitor.labels(TOUCHPOINT);
                    Map<String, Object> props = new HashMap<>(JourneyProperties.ofTouchpoint(touchpoints.get(node)));
                    // As the Cypher writer stores it: the driver sends integers as longs.
                    props.put("index", (long) node);
                    props.put("kind", "touchpoint");
                    if (created.contains(node)) {
                        props.put("createdByImport", importId);
                    }
                    properties(visitor, props);
                } else if (node < firstJourney) {
                    visitor.labels(node == space.start() ? START : OUTCOME);
                    properties(visitor, special.get(node - touchpoints.size()));
                } else if (node < importNode) {
                    visitor.labels(JOURNEY);
                    properties(visitor, JourneyProperties.ofJourney(journeys.get(node - firstJourney), touchpoints,
                            importId));
                } else {
                    visitor.labels(IMPORT);
                    properties(visitor, entry);
                }
                visitor.endOfEntity();
            }
        };
        List<TransitionTable.Transition> edges = transitions.transitions();
        BulkInput.Groups relationships = new BulkInput.Groups() {
            @Override
            public int groups() {
                return journeys.size() + edges.size();
            }

            @Override
            public int size(int group) {
                return group < journeys.size() ? journeys.get(group).length() : 1;
            }

            @Override
            public void visit(int group, int member, InputEntityVisitor visitor) throws IOException {
                if (group < journeys.size()) {
                    Journey journey = journeys.get(group);
                    visitor.startId(firstJourney + group);
                    visitor.endId(journey.steps()[member]);
                    visitor.type("VISITED");
                    properties(visitor, JourneyProperties.ofStep(journey, member));
                } else {
                    TransitionTable.Transition edge = edges.get(group - journeys.size());
                    visitor.startId(edge.from());
                    visitor.endId(edge.to());
                    visitor.type("TRANSITION");
                    properties(visitor, TransitionWriter.properties(edge));
                }
                visitor.endOfEntity();
            }
        };
        long steps = 0;
        for (Journey journey : journeys) {
            steps += journey.length();
        }
        long nodeCount = importNode + 1L;
        long relationshipCount = steps + edges.size();
        return new BulkInput(nodes, relationships, Input.knownEstimates(nodeCount, relationshipCount,
                nodeCount * 16, relationshipCount * 3, nodeCount * 256, relationshipCount * 32, nodeCount));
    }

    /** Sets the properties that are not null, with their Java types (as the embedded API stores them). */
    private static void properties(InputEntityVisitor visitor, Map<String, Object> properties) {
        properties.forEach((key, value) -> {
            if (value != null) {
                visitor.property(key, value);
            }
        });
    }
}
