package com.journeyexplorer.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /api/cypher}, read strictly: a JSON object with a {@code query} string and an optional
 * {@code parameters} object, and nothing else. Spring's binding would run {@code {"query": 42}} as the query
 * {@code 42} and drop a misspelt {@code parms} without a word; here each is a 400 naming the member and what it was.
 *
 * @param parameters values of the query's {@code $parameters}; may be omitted
 */
record CypherRequest(String query, Map<String, Object> parameters) {

    /** Largest body: a query is at most {@code journeys.cypher.max-query-length} characters, its parameters not. */
    static final long MAX_BODY_BYTES = 16L << 20;
    private static final StrictJsonBody BODY = new StrictJsonBody("a Cypher request", List.of("query", "parameters"),
            "{\"query\": \"MATCH (j:Journey) RETURN j.id LIMIT 5\", \"parameters\": {}}");

    /**
     * The request in {@code body}, its query at most {@code maxQueryLength} characters.
     *
     * @throws InvalidParameterException for a body that is no JSON (naming the line and column), no object, has a
     *                                   member other than {@code query} and {@code parameters}, or a member of the
     *                                   wrong type
     */
    static CypherRequest read(byte[] body, JsonMapper json, int maxQueryLength) {
        JsonNode node = BODY.object(body, json);
        JsonNode query = node.get("query");
        if (query == null || query.isNull() || (query.isString() && query.asString().isBlank())) {
            throw new InvalidParameterException("query", "is required: the Cypher text to run");
        }
        String text = StrictJsonBody.optionalString(node, "query", "the Cypher text to run");
        if (text.length() > maxQueryLength) {
            throw new InvalidParameterException("query", "is " + text.length() + " characters long; the "
                    + "limit is " + maxQueryLength + " (journeys.cypher.max-query-length)");
        }
        JsonNode parameters = node.get("parameters");
        if (parameters == null || parameters.isNull()) {
            return new CypherRequest(text, Map.of());
        }
        if (!parameters.isObject()) {
            throw new InvalidParameterException("parameters", "must be an object of the query's $parameters by name "
                    + "({\"id\": \"j-1\"} for $id), got " + StrictJsonBody.kind(parameters));
        }
        for (var member : parameters.properties()) {
            checkNumbers(member.getValue(), "parameters." + member.getKey());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = json.treeToValue(parameters, LinkedHashMap.class);
        return new CypherRequest(text, values);
    }

    /**
     * Refuses a number Neo4j cannot hold, wherever it is nested: a whole number beyond 64 bits (the driver has no
     * value for it, and its message would name a Java class) or a number beyond the range of a double, which JSON
     * reading would otherwise turn into Infinity without a word.
     */
    private static void checkNumbers(JsonNode value, String path) {
        if (value.isNumber() && (value.isBigInteger() && !value.canConvertToLong()
                || value.isFloatingPointNumber() && !Double.isFinite(value.asDouble()))) {
            throw new InvalidParameterException(path, "is a number beyond what Neo4j holds: a whole number from "
                    + "-2^63 to 2^63-1, or a decimal up to about 1.8e308");
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                checkNumbers(value.get(i), path + "[" + i + "]");
            }
        } else if (value.isObject()) {
            for (var member : value.properties()) {
                checkNumbers(member.getValue(), path + "." + member.getKey());
            }
        }
    }
}
