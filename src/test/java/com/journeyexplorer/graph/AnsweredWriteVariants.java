package com.journeyexplorer.graph;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;
import org.neo4j.exceptions.KernelException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.TokenWrite;
import org.neo4j.internal.kernel.api.Write;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.values.storable.DateTimeValue;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;

import com.journeyexplorer.journey.SurveyResponse;

/**
 * Probes of ways to write the demo's answers as {@code ANSWERED} relationships, beside the writer's, on one store in
 * one JVM: the process's CPU time and the wall clock per answer of each, rounds interleaved and rotated so that the JIT
 * and the machine's load weigh on each alike. The variants: the writer ({@link EmbeddedResponseWriter}, the entity
 * API, a {@code setProperty} per property); the writer in two lanes side by side, split by journey (the lease is not
 * held here, so no fence makes their commits take turns); Neo4j's kernel API, the property tokens resolved once a
 * transaction and an answer's properties set in one call; and, through the entity API and through the kernel API,
 * answers without {@code customerId} and {@code stage} (a model that would read them from the journey and the
 * touchpoint instead); and two floors: the relationship alone, and with only the four properties every answer has
 * ({@code id}, {@code importId}, {@code scale}, {@code score}). None but the writer is the app's: they bound what another
 * writer or model could gain. Run with {@code bench/run-java.sh com.journeyexplorer.graph.AnsweredWriteVariants
 * [journeys=100000] [rounds=4] [variant]}; a variant's number (0 the writer, in the order of {@code names}) runs that one
 * alone, as for a profile of it.
 */
public final class AnsweredWriteVariants {

    private static final Label JOURNEY = Label.label("Journey");
    private static final Label TOUCHPOINT = Label.label("Touchpoint");

    public static void main(String[] args) throws Exception {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int only = args.length > 2 ? Integer.parseInt(args[2]) : -1;
        try (DemoAnswersStore store = new DemoAnswersStore(journeys)) {
            List<SurveyResponse> answers = store.answers;
            GraphDatabaseService db = store.database;
            EmbeddedResponseWriter current = store.writer();
            String[] names = {"writer (entity API)", "writer in two lanes", "kernel API, tokens resolved once",
                "entity API, no customerId, stage", "kernel API, no customerId, stage", "bare relationship",
                "entity API, id, importId, scale, score"};
            Map<String, double[]> totals = new HashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (int v = 0; v < names.length; v++) {
                    int variant = (v + round) % names.length;
                    if (only >= 0 && variant != only) {
                        continue;
                    }
                    List<SurveyResponse> batch = DemoAnswersStore.renamed(answers, "r" + round + "v" + variant + "-");
                    String importId = java.util.UUID.randomUUID().toString();
                    long cpu = processCpu();
                    long wall = System.nanoTime();
                    switch (variant) {
                        case 0 -> current.write(batch, importId, 2000);
                        case 1 -> twoLanes(batch, lane -> current.write(lane, importId, 2000));
                        case 2 -> kernel(db, batch, importId, 2000);
                        case 3 -> lean(db, batch, importId, 2000);
                        case 4 -> kernel(db, lean(batch), importId, 2000);
                        case 5 -> minimal(db, batch, importId, 2000, false);
                        default -> minimal(db, batch, importId, 2000, true);
                    }
                    double cpuMicros = (processCpu() - cpu) / 1e3 / batch.size();
                    double wallMicros = (System.nanoTime() - wall) / 1e3 / batch.size();
                    System.out.printf(Locale.ROOT, "round %d %-36s %6.1f µs process CPU, %6.1f µs wall per answer%n",
                            round, names[variant], cpuMicros, wallMicros);
                    if (round > 0) {
                        double[] t = totals.computeIfAbsent(names[variant], k -> new double[3]);
                        t[0] += cpuMicros;
                        t[1] += wallMicros;
                        t[2] += 1;
                    }
                }
            }
            totals.forEach((name, t) -> System.out.printf(Locale.ROOT,
                    "mean after round 0: %-36s %6.1f µs CPU %6.1f µs wall%n", name, t[0] / t[2], t[1] / t[2]));
        }
    }

    /** The answers split by journey into two lanes, written side by side. */
    private static void twoLanes(List<SurveyResponse> batch, java.util.function.Consumer<List<SurveyResponse>> w)
            throws InterruptedException {
        List<SurveyResponse> a = new ArrayList<>();
        List<SurveyResponse> b = new ArrayList<>();
        for (SurveyResponse r : batch) {
            ((r.journeyId().hashCode() & 1) == 0 ? a : b).add(r);
        }
        Thread t = new Thread(() -> w.accept(b));
        t.start();
        w.accept(a);
        t.join();
    }

    /** Through the kernel API: tokens resolved once a transaction, an answer's properties set in one call. */
    private static void kernel(GraphDatabaseService db, List<SurveyResponse> responses, String importId, int size) {
        for (int from = 0; from < responses.size(); from += size) {
            List<SurveyResponse> chunk = responses.subList(from, Math.min(responses.size(), from + size));
            try (Transaction tx = db.beginTx()) {
                var ktx = ((InternalTransaction) tx).kernelTransaction();
                TokenWrite tokens = ktx.tokenWrite();
                Write write = ktx.dataWrite();
                int answered = tokens.relationshipTypeGetOrCreateForName("ANSWERED");
                String[] keys = {"id", "importId", "scale", "score", "customerId", "touchpoint", "stage", "comment",
                    "at"};
                int[] ids = new int[keys.length];
                tokens.propertyKeyGetOrCreateForNames(keys, ids);
                Value importValue = Values.stringValue(importId);
                Map<String, Long> journeys = new HashMap<>();
                Map<String, Long> touchpoints = new HashMap<>();
                for (SurveyResponse response : chunk) {
                    journeys.computeIfAbsent(response.journeyId(), id -> tx.findNode(JOURNEY, "id", id).getId());
                    if (!response.touchpoint().isEmpty()) {
                        touchpoints.computeIfAbsent(response.touchpoint(),
                                name -> tx.findNode(TOUCHPOINT, "name", name).getId());
                    }
                }
                IntObjectHashMap<Value> props = new IntObjectHashMap<>();
                for (SurveyResponse response : chunk) {
                    long journey = journeys.get(response.journeyId());
                    long touchpoint = touchpoints.getOrDefault(response.touchpoint(), -1L);
                    long rel = write.relationshipCreate(journey, answered, touchpoint < 0 ? journey : touchpoint);
                    props.clear();
                    props.put(ids[0], Values.stringValue(response.id()));
                    props.put(ids[1], importValue);
                    props.put(ids[2], Values.stringValue(response.scale().label()));
                    props.put(ids[3], Values.doubleValue(response.score()));
                    putIfAny(props, ids[4], response.customerId());
                    putIfAny(props, ids[5], response.touchpoint());
                    putIfAny(props, ids[6], response.stage());
                    putIfAny(props, ids[7], response.comment());
                    if (response.at() >= 0) {
                        props.put(ids[8], DateTimeValue.datetime(java.time.Instant.ofEpochMilli(response.at())
                                .atZone(java.time.ZoneOffset.UTC)));
                    }
                    write.relationshipApplyChanges(rel, props);
                }
                tx.commit();
            } catch (KernelException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void putIfAny(IntObjectHashMap<Value> props, int key, String value) {
        if (!value.isEmpty()) {
            props.put(key, Values.stringValue(value));
        }
    }

    /** The answers without customer id and stage. */
    private static List<SurveyResponse> lean(List<SurveyResponse> batch) {
        List<SurveyResponse> lean = new ArrayList<>();
        for (SurveyResponse r : batch) {
            lean.add(new SurveyResponse(r.id(), r.journeyId(), "", r.at(), r.touchpoint(), "", r.scale(), r.score(),
                    r.comment()));
        }
        return lean;
    }

    /** Through the entity API as the writer, less the customer id and stage properties. */
    private static void lean(GraphDatabaseService db, List<SurveyResponse> responses, String importId, int size) {
        entityApi(db, responses, size, (response, rel) -> {
            setCore(rel, response, importId);
            if (!response.touchpoint().isEmpty()) {
                rel.setProperty("touchpoint", response.touchpoint());
            }
            if (!response.comment().isEmpty()) {
                rel.setProperty("comment", response.comment());
            }
            if (response.at() >= 0) {
                rel.setProperty("at", java.time.Instant.ofEpochMilli(response.at()).atZone(java.time.ZoneOffset.UTC));
            }
        });
    }

    /** The relationship alone ({@code withProperties} false), or with only the four properties every answer has. */
    private static void minimal(GraphDatabaseService db, List<SurveyResponse> responses, String importId, int size,
            boolean withProperties) {
        entityApi(db, responses, size, (response, rel) -> {
            if (withProperties) {
                setCore(rel, response, importId);
            }
        });
    }

    private static void setCore(Relationship rel, SurveyResponse response, String importId) {
        rel.setProperty("id", response.id());
        rel.setProperty("importId", importId);
        rel.setProperty("scale", response.scale().label());
        rel.setProperty("score", response.score());
    }

    /**
     * Writes an {@code ANSWERED} relationship per answer through the entity API, as the writer does (the batch's
     * journeys and touchpoints looked up first), and lets {@code properties} set what a variant stores on it.
     */
    private static void entityApi(GraphDatabaseService db, List<SurveyResponse> responses, int size,
            BiConsumer<SurveyResponse, Relationship> properties) {
        RelationshipType answered = RelationshipType.withName("ANSWERED");
        for (int from = 0; from < responses.size(); from += size) {
            List<SurveyResponse> chunk = responses.subList(from, Math.min(responses.size(), from + size));
            try (Transaction tx = db.beginTx()) {
                Map<String, Node> journeys = new HashMap<>();
                Map<String, Node> touchpoints = new HashMap<>();
                for (SurveyResponse response : chunk) {
                    journeys.computeIfAbsent(response.journeyId(), id -> tx.findNode(JOURNEY, "id", id));
                    if (!response.touchpoint().isEmpty()) {
                        touchpoints.computeIfAbsent(response.touchpoint(), n -> tx.findNode(TOUCHPOINT, "name", n));
                    }
                }
                for (SurveyResponse response : chunk) {
                    Node journey = journeys.get(response.journeyId());
                    Node touchpoint = touchpoints.get(response.touchpoint());
                    properties.accept(response,
                            journey.createRelationshipTo(touchpoint == null ? journey : touchpoint, answered));
                }
                tx.commit();
            }
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

}
