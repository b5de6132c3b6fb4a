package com.journeyexplorer.graph;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The least a writer must do to store a snapshot's journeys as the app stores them, for the import benchmark's
 * comparison: the same {@code :Touchpoint} and {@code :Journey} nodes and {@code VISITED} relationships with the same
 * properties ({@link JourneyProperties}), through the same embedded API and in transactions of the app's default batch
 * size (500 journeys), into a fresh database with the app's uniqueness constraints and page cache. No parsing,
 * validation, journal, aggregated transitions or projection. With {@code appIndexes}, the database also has the app's
 * two other indexes on {@code :Journey} (customer id and start time, see {@code cypher/schema.cypher}), which every
 * journey the app writes updates.
 */
public final class MinimalJourneyWriter {

    private static final Label JOURNEY = Label.label("Journey");
    private static final Label TOUCHPOINT = Label.label("Touchpoint");
    private static final RelationshipType VISITED = RelationshipType.withName("VISITED");
    private static final int BATCH = 500;

    private MinimalJourneyWriter() {
    }

    /** Writes the first {@code journeys} journeys of {@code snapshot} into a new database in {@code home}; seconds. */
    public static double write(Path home, JourneySnapshot snapshot, int journeys) {
        return write(home, snapshot, journeys, false);
    }

    /** As {@link #write(Path, JourneySnapshot, int)}, with the app's indexes on journeys too when {@code appIndexes}. */
    public static double write(Path home, JourneySnapshot snapshot, int journeys, boolean appIndexes) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 512L << 20)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();
        try {
            GraphDatabaseService database = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            database.executeTransactionally(
                    "CREATE CONSTRAINT touchpoint_name IF NOT EXISTS FOR (t:Touchpoint) REQUIRE t.name IS UNIQUE");
            database.executeTransactionally(
                    "CREATE CONSTRAINT journey_id IF NOT EXISTS FOR (j:Journey) REQUIRE j.id IS UNIQUE");
            if (appIndexes) {
                database.executeTransactionally(
                        "CREATE INDEX journey_customer IF NOT EXISTS FOR (j:Journey) ON (j.customerId)");
                database.executeTransactionally(
                        "CREATE INDEX journey_started IF NOT EXISTS FOR (j:Journey) ON (j.startedAt)");
            }
            database.executeTransactionally("CALL db.awaitIndexes(300)");
            List<Touchpoint> touchpoints = snapshot.touchpoints();
            List<Journey> all = snapshot.journeys().subList(0, Math.min(journeys, snapshot.journeys().size()));
            long started = System.nanoTime();
            Node[] touchpointNodes = new Node[touchpoints.size()];
            try (Transaction tx = database.beginTx()) {
                for (Touchpoint touchpoint : touchpoints) {
                    Node node = tx.createNode(TOUCHPOINT);
                    JourneyProperties.ofTouchpoint(touchpoint).forEach(node::setProperty);
                }
                tx.commit();
            }
            for (int from = 0; from < all.size(); from += BATCH) {
                try (Transaction tx = database.beginTx()) {
                    java.util.Arrays.fill(touchpointNodes, null);
                    for (Journey journey : all.subList(from, Math.min(all.size(), from + BATCH))) {
                        Node node = tx.createNode(JOURNEY);
                        Map<String, Object> properties = JourneyProperties.ofJourney(journey, touchpoints, "minimal");
                        properties.forEach(node::setProperty);
                        for (int i = 0; i < journey.length(); i++) {
                            int step = journey.steps()[i];
                            if (touchpointNodes[step] == null) {
                                touchpointNodes[step] = tx.findNode(TOUCHPOINT, "name", touchpoints.get(step).name());
                            }
                            var visited = node.createRelationshipTo(touchpointNodes[step], VISITED);
                            JourneyProperties.ofStep(journey, i).forEach(visited::setProperty);
                        }
                    }
                    tx.commit();
                }
            }
            return (System.nanoTime() - started) / 1e9;
        } finally {
            dbms.shutdown();
        }
    }
}
