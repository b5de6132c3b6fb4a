package com.journeyexplorer.graph;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

import com.journeyexplorer.journey.SurveyResponse;

/**
 * Writes survey responses through Neo4j's embedded Java API: the same relationships, nodes and properties as the
 * Cypher of {@link ResponseStore} (an {@code ANSWERED} relationship per answer joined to a journey, a {@code Response}
 * node per answer that matched none), without planning a query or crossing Bolt. Used whenever the database runs inside
 * the app (unless {@code journeys.neo4j.embedded.direct-writes} is off), like {@link EmbeddedJourneyWriter}.
 */
final class EmbeddedResponseWriter {

    private static final Label RESPONSE = Label.label("Response");
    private static final Label JOURNEY = Label.label("Journey");
    private static final Label TOUCHPOINT = Label.label("Touchpoint");
    private static final RelationshipType ANSWERED = RelationshipType.withName("ANSWERED");
    private static final RelationshipType AT = RelationshipType.withName("AT");

    private final GraphDatabaseService database;
    private final ImportLease lease;

    EmbeddedResponseWriter(DatabaseManagementService management, ImportLease lease) {
        this.database = management.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        this.lease = lease;
    }

    /**
     * Writes {@code responses} in transactions of {@code perTransaction}: an answer whose journey is stored as an
     * {@code ANSWERED} relationship from it, any other as a {@code Response} node. The journeys and touchpoints each
     * batch names are looked up first (one unique-index look-up per distinct one), before its transaction holds any
     * new node, since a look-up in a transaction that has created nodes with the same property key costs in
     * proportion to them.
     * O(responses). A failure leaves the batches before it stored: the caller's journal entry rolls them back by
     * {@code importId}, as it does an event import's journeys.
     */
    void write(List<SurveyResponse> responses, String importId, int perTransaction) {
        for (int from = 0; from < responses.size(); from += perTransaction) {
            writeBatch(responses.subList(from, Math.min(responses.size(), from + perTransaction)), importId);
        }
    }

    private void writeBatch(List<SurveyResponse> responses, String importId) {
        try (Transaction tx = database.beginTx()) {
            Map<String, Node> journeys = new HashMap<>();
            Map<String, Node> touchpoints = new HashMap<>();
            for (SurveyResponse response : responses) {
                if (!response.journeyId().isEmpty() && !journeys.containsKey(response.journeyId())) {
                    journeys.put(response.journeyId(), tx.findNode(JOURNEY, "id", response.journeyId()));
                }
                if (!response.touchpoint().isEmpty() && !touchpoints.containsKey(response.touchpoint())) {
                    touchpoints.put(response.touchpoint(), tx.findNode(TOUCHPOINT, "name", response.touchpoint()));
                }
            }
            for (SurveyResponse response : responses) {
                Node journey = journeys.get(response.journeyId());
                Node touchpoint = touchpoints.get(response.touchpoint());
                if (journey != null) {
                    Relationship answer = journey.createRelationshipTo(touchpoint == null ? journey : touchpoint,
                            ANSWERED);
                    ResponseStore.answeredProperties(response, importId).forEach(answer::setProperty);
                    setTime(answer, response);
                } else {
                    Node node = tx.createNode(RESPONSE);
                    ResponseStore.properties(response, importId).forEach(node::setProperty);
                    setTime(node, response);
                    if (touchpoint != null) {
                        node.createRelationshipTo(touchpoint, AT);
                    }
                }
            }
            lease.fence(tx);
            tx.commit();
        }
    }

    /** The answer's time, a UTC date-time as Cypher's writer stores it; none when unknown. */
    private static void setTime(Entity entity, SurveyResponse response) {
        if (response.at() >= 0) {
            entity.setProperty("at", Instant.ofEpochMilli(response.at()).atZone(ZoneOffset.UTC));
        }
    }
}
