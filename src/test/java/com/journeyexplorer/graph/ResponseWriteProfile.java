package com.journeyexplorer.graph;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

import com.journeyexplorer.journey.SurveyResponse;

/**
 * Ways of writing the demo's answers to the embedded store (the writer's {@code ANSWERED} relationships against the
 * {@code Response} nodes with {@code ABOUT} and {@code AT} of the model before), compared on one store in one JVM: the
 * request thread's CPU time per answer of each, rounds interleaved so that the JIT and the machine's load weigh on each
 * alike; {@code -Dprofile.reverse=true} writes the relationships first in each round, so that they pay the cold start
 * of round 0. With {@code -Dprofile.schema=true} (in {@code BENCH_JAVA_OPTS}) it then drops the nodes' indexes one by
 * one and writes nodes again after each. Run with
 * {@code bench/run-java.sh com.journeyexplorer.graph.ResponseWriteProfile [journeys=100000] [rounds=4]}.
 */
public final class ResponseWriteProfile {

    private static final Label RESPONSE = Label.label("Response");
    private static final Label JOURNEY = Label.label("Journey");
    private static final Label TOUCHPOINT = Label.label("Touchpoint");
    private static final org.neo4j.graphdb.RelationshipType ABOUT =
            org.neo4j.graphdb.RelationshipType.withName("ABOUT");
    private static final org.neo4j.graphdb.RelationshipType AT = org.neo4j.graphdb.RelationshipType.withName("AT");

    private ResponseWriteProfile() {
    }

    public static void main(String[] args) throws Exception {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        try (DemoAnswersStore store = new DemoAnswersStore(journeys)) {
            List<SurveyResponse> answers = store.answers;
            GraphDatabaseService db = store.database;
            EmbeddedResponseWriter current = store.writer();
            String[] names = {"Response node (model before), tx of 2000", "ANSWERED (writer), tx of 2000"};
            Map<String, double[]> totals = new HashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (int v = 0; v < names.length; v++) {
                    // -Dprofile.reverse=true: the relationships first, so that they pay the cold start of round 0.
                    int variant = Boolean.getBoolean("profile.reverse") ? names.length - 1 - v : v;
                    List<SurveyResponse> batch = DemoAnswersStore.renamed(answers, "r" + round + "v" + variant + "-");
                    String importId = java.util.UUID.randomUUID().toString();
                    long cpu = threadCpu();
                    long wall = System.nanoTime();
                    switch (variant) {
                        case 0 -> chunked(db, batch, importId, 2000, false);
                        default -> current.write(batch, importId, 2000);
                    }
                    double cpuMicros = (threadCpu() - cpu) / 1e3 / batch.size();
                    double wallMicros = (System.nanoTime() - wall) / 1e3 / batch.size();
                    System.out.printf(Locale.ROOT, "round %d %-40s %6.1f µs CPU, %6.1f µs wall per answer%n", round,
                            names[variant], cpuMicros, wallMicros);
                    if (round > 0) {
                        double[] t = totals.computeIfAbsent(names[variant], k -> new double[2]);
                        t[0] += cpuMicros;
                        t[1] += 1;
                    }
                }
            }
            totals.forEach((name, t) -> System.out.printf(Locale.ROOT, "mean after round 0: %-40s %6.1f µs CPU%n",
                    name, t[0] / t[1]));
            if (Boolean.getBoolean("profile.schema")) {
                String[] drops = {"", "DROP INDEX response_customer IF EXISTS",
                    "DROP INDEX response_journey IF EXISTS", "DROP CONSTRAINT response_id IF EXISTS"};
                for (int step = 0; step < drops.length; step++) {
                    if (!drops[step].isEmpty()) {
                        db.executeTransactionally(drops[step]);
                    }
                    for (int round = 0; round < 2; round++) {
                        List<SurveyResponse> batch = DemoAnswersStore.renamed(answers, "s" + step + "r" + round + "-");
                        long cpu = threadCpu();
                        chunked(db, batch, java.util.UUID.randomUUID().toString(), 2000, true);
                        System.out.printf(Locale.ROOT, "schema step %d (%s), round %d: %6.1f µs CPU per answer%n",
                                step, drops[step].isEmpty() ? "as is" : drops[step], round,
                                (threadCpu() - cpu) / 1e3 / batch.size());
                    }
                }
            }
        }
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void chunked(GraphDatabaseService db, List<SurveyResponse> responses, String importId, int size,
            boolean lean) {
        Map<String, Node> journeys = new HashMap<>();
        Map<String, Node> touchpoints = new HashMap<>();
        for (int from = 0; from < responses.size(); from += size) {
            List<SurveyResponse> chunk = responses.subList(from, Math.min(responses.size(), from + size));
            try (Transaction tx = db.beginTx()) {
                journeys.clear();
                touchpoints.clear();
                for (SurveyResponse response : chunk) {
                    if (!response.journeyId().isEmpty() && !journeys.containsKey(response.journeyId())) {
                        journeys.put(response.journeyId(), tx.findNode(JOURNEY, "id", response.journeyId()));
                    }
                    if (!response.touchpoint().isEmpty() && !touchpoints.containsKey(response.touchpoint())) {
                        touchpoints.put(response.touchpoint(), tx.findNode(TOUCHPOINT, "name",
                                response.touchpoint()));
                    }
                }
                for (SurveyResponse response : chunk) {
                    Node node = tx.createNode(RESPONSE);
                    if (lean) {
                        node.setProperty("id", response.id());
                        node.setProperty("importId", importId);
                        setIfAny(node, "journeyId", response.journeyId());
                        setIfAny(node, "customerId", response.customerId());
                        setIfAny(node, "touchpoint", response.touchpoint());
                        setIfAny(node, "stage", response.stage());
                        node.setProperty("scale", response.scale().label());
                        node.setProperty("score", response.score());
                        setIfAny(node, "comment", response.comment());
                    } else {
                        ResponseStore.properties(response, importId).forEach(node::setProperty);
                    }
                    if (response.at() >= 0) {
                        node.setProperty("at", java.time.Instant.ofEpochMilli(response.at())
                                .atZone(java.time.ZoneOffset.UTC));
                    }
                    Node journey = journeys.get(response.journeyId());
                    if (journey != null) {
                        node.createRelationshipTo(journey, ABOUT);
                    }
                    Node touchpoint = touchpoints.get(response.touchpoint());
                    if (touchpoint != null) {
                        node.createRelationshipTo(touchpoint, AT);
                    }
                }
                tx.commit();
            }
        }
    }

    private static void setIfAny(Node node, String key, String value) {
        if (!value.isEmpty()) {
            node.setProperty(key, value);
        }
    }
}
