package com.journeyexplorer.graph;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;
import org.springframework.stereotype.Service;

import com.journeyexplorer.config.JourneysProperties;

/**
 * Runs a user's Cypher query read-only, for users without a Bolt client. Three locks: {@link CypherGuard} refuses
 * write, schema, admin and file clauses; {@code EXPLAIN} must classify the query as read-only; and the query runs in
 * a READ session's read transaction, which Neo4j itself keeps from writing. Bounded by a time limit and a row limit,
 * and ended at shutdown ({@link RunningCypherQueries}).
 */
@Service
public class ReadOnlyCypher {

    private static final int MAX_MESSAGE_LENGTH = 1000;
    private static final String EXPLAIN = "EXPLAIN ";
    /** Where Neo4j says a syntax error is: {@code line 1, column 18 (offset: 17)}. */
    private static final Pattern ERROR_POSITION = Pattern.compile("line (\\d+), column (\\d+) \\(offset: (\\d+)\\)");

    private final Driver driver;
    private final JourneysProperties.Cypher settings;
    private final RunningCypherQueries running;

    ReadOnlyCypher(Driver driver, JourneysProperties properties, RunningCypherQueries running) {
        this.driver = driver;
        this.settings = properties.cypher();
        this.running = running;
    }

    /** Columns, then rows of plain JSON values; {@code truncated} when the query had more than the row limit. */
    public record Answer(List<String> columns, List<List<Object>> rows, boolean truncated) {
    }

    public Answer run(String query, Map<String, Object> parameters) {
        CypherGuard.check(query);
        running.enter();
        try {
            return runCounted(query, parameters);
        } finally {
            running.leave();
        }
    }

    private Answer runCounted(String query, Map<String, Object> parameters) {
        TransactionConfig config = TransactionConfig.builder().withTimeout(settings.timeout())
                .withMetadata(running.metadata()).build();
        boolean planned = false;
        // One attempt in an explicit transaction: the driver's managed transactions retry failures that a user's
        // query repeats (a memory limit: four more attempts of up to a gigabyte each, half a minute of back-off).
        try (var session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
                var tx = session.beginTransaction(config)) {
            // The whole query is the user's by design; EXPLAIN only plans it, nothing runs.
            QueryType type = tx.run(EXPLAIN + query, parameters).consume().queryType();
            planned = true;
            // Neo4j knows the transaction now: a shutdown from here on terminates it, an earlier one is seen here.
            running.checkNotStopping();
            if (type != QueryType.READ_ONLY) {
                throw new CypherRefusedException("Neo4j classifies the query as " + type);
            }
            Result result = tx.run(query, parameters);
            List<String> columns = result.keys();
            List<List<Object>> rows = new ArrayList<>();
            while (rows.size() < settings.maxRows() && result.hasNext()) {
                rows.add(row(result.next()));
            }
            return new Answer(columns, rows, result.hasNext());
        } catch (ServiceUnavailableException e) {
            throw e;
        } catch (Neo4jException e) {
            throw running.stopping() && isTermination(e) ? RunningCypherQueries.shuttingDown() : translate(e, planned);
        }
    }

    /** Neo4j stopped the transaction: its time limit, or a shutdown's {@code TERMINATE TRANSACTIONS}. */
    private static boolean isTermination(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        return code.contains("TransactionTimedOut") || code.endsWith("Transaction.Terminated");
    }

    /** {@code planned}: the error is the query's own run, not the {@code EXPLAIN} of it. */
    private static RuntimeException translate(Neo4jException e, boolean planned) {
        String code = e.code() == null ? "" : e.code();
        String message = planned ? clean(e.getMessage()) : withoutExplain(clean(e.getMessage()));
        if (isTermination(e)) {
            return new CypherFailedException(CypherFailedException.Kind.TIMEOUT, "the query ran longer than the "
                    + "time limit (journeys.cypher.timeout) and was stopped");
        }
        if (code.contains("MemoryLimit") || code.contains("OutOfMemory") || code.contains("MemoryPool")) {
            return new CypherFailedException(CypherFailedException.Kind.MEMORY, "the query needed more memory than "
                    + "one transaction may hold (journeys.neo4j.embedded.transaction-max-memory, or the server's "
                    + "db.memory.transaction.max) and was stopped; aggregate or LIMIT earlier");
        }
        if (code.endsWith("Statement.AccessMode") || code.startsWith("Neo.ClientError.Security")) {
            return new CypherRefusedException("Neo4j refused it in read mode (" + message + ")");
        }
        if (code.startsWith("Neo.ClientError") || e instanceof ClientException) {
            return new CypherFailedException(CypherFailedException.Kind.INVALID, message);
        }
        return new GraphWriteException("the database could not run the query", e);
    }

    /**
     * A message about the {@code EXPLAIN} of the query as one about the query the user wrote: the quoted text without
     * the prefix, and the position of an error on its first line counted from the user's first character.
     */
    static String withoutExplain(String message) {
        Matcher position = ERROR_POSITION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (position.find()) {
            int line = Integer.parseInt(position.group(1));
            int column = Integer.parseInt(position.group(2));
            int offset = Integer.parseInt(position.group(3));
            position.appendReplacement(out, "line " + line + ", column "
                    + (line == 1 ? Math.max(1, column - EXPLAIN.length()) : column) + " (offset: "
                    + Math.max(0, offset - EXPLAIN.length()) + ")");
        }
        position.appendTail(out);
        return out.toString().replace("\"" + EXPLAIN, "\"");
    }

    /** Neo4j's message without stack frames, cut to a readable length. */
    static String clean(String message) {
        if (message == null) {
            return "the query cannot be run";
        }
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\\R")) {
            String stripped = line.strip();
            if (stripped.startsWith("at ") || stripped.startsWith("Caused by:") || stripped.startsWith("...")) {
                continue;
            }
            out.append(line).append('\n');
        }
        String text = out.toString().strip();
        return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
    }

    /**
     * ISO-8601 with the seconds always written: {@code toString()} leaves them out when they are zero
     * ({@code 2026-04-20T10:03Z}), which strict RFC 3339 readers refuse.
     */
    static String iso(TemporalAccessor temporal) {
        if (temporal instanceof ZonedDateTime zoned) {
            return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(zoned);
        }
        if (temporal instanceof OffsetDateTime offset) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(offset);
        }
        if (temporal instanceof LocalDateTime local) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(local);
        }
        if (temporal instanceof OffsetTime time) {
            return DateTimeFormatter.ISO_OFFSET_TIME.format(time);
        }
        if (temporal instanceof LocalTime time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
        }
        return temporal.toString();
    }

    private static List<Object> row(Record record) {
        List<Object> row = new ArrayList<>(record.size());
        for (int i = 0; i < record.size(); i++) {
            row.add(json(record.get(i).asObject()));
        }
        return row;
    }

    /** Plain JSON: nodes, relationships and paths as maps, temporal values as ISO-8601 text, bytes as Base64. */
    static Object json(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : d.toString();
        }
        if (value instanceof Node node) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("elementId", node.elementId());
            List<String> labels = new ArrayList<>();
            node.labels().forEach(labels::add);
            map.put("labels", labels);
            map.put("properties", json(node.asMap()));
            return map;
        }
        if (value instanceof Relationship relationship) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("elementId", relationship.elementId());
            map.put("type", relationship.type());
            map.put("startElementId", relationship.startNodeElementId());
            map.put("endElementId", relationship.endNodeElementId());
            map.put("properties", json(relationship.asMap()));
            return map;
        }
        if (value instanceof Path path) {
            List<Object> nodes = new ArrayList<>();
            path.nodes().forEach(node -> nodes.add(json(node)));
            List<Object> relationships = new ArrayList<>();
            path.relationships().forEach(relationship -> relationships.add(json(relationship)));
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("nodes", nodes);
            map.put("relationships", relationships);
            return map;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, entry) -> out.put(String.valueOf(key), json(entry)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReadOnlyCypher::json).toList();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Point point) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("srid", point.srid());
            map.put("x", point.x());
            map.put("y", point.y());
            if (!Double.isNaN(point.z())) {
                map.put("z", point.z());
            }
            return map;
        }
        if (value instanceof TemporalAccessor temporal) {
            return iso(temporal);
        }
        if (value instanceof IsoDuration) {
            return value.toString();
        }
        return value.toString();
    }
}
