package com.journeyexplorer.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
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
    private static final Set<String> MEMBERS = Set.of("query", "parameters");
    private static final String SHAPE = "{\"query\": \"MATCH (j:Journey) RETURN j.id LIMIT 5\", \"parameters\": {}}";

    /**
     * The request in {@code body}, its query at most {@code maxQueryLength} characters.
     *
     * @throws InvalidParameterException for a body that is no JSON (naming the line and column), no object, has a
     *                                   member other than {@code query} and {@code parameters}, or a member of the
     *                                   wrong type
     */
    static CypherRequest read(byte[] body, JsonMapper json, int maxQueryLength) {
        JsonNode node;
        try {
            node = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location == null || location.getLineNr() < 1 ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidParameterException("body", "is not valid JSON" + where + reason(e) + ": send " + SHAPE);
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidParameterException("body", "is empty: send " + SHAPE);
        }
        if (!node.isObject()) {
            throw new InvalidParameterException("body", "must be a JSON object, got " + kind(node) + ": send " + SHAPE);
        }
        for (String member : node.propertyNames()) {
            if (!MEMBERS.contains(member)) {
                throw new InvalidParameterException(member, "is not a member of a Cypher request (accepted: query, "
                        + "parameters)");
            }
        }
        JsonNode query = node.get("query");
        if (query == null || query.isNull() || (query.isString() && query.asString().isBlank())) {
            throw new InvalidParameterException("query", "is required: the Cypher text to run");
        }
        if (!query.isString()) {
            throw new InvalidParameterException("query", "must be a string (the Cypher text to run), got "
                    + kind(query));
        }
        if (query.asString().length() > maxQueryLength) {
            throw new InvalidParameterException("query", "is " + query.asString().length() + " characters long; the "
                    + "limit is " + maxQueryLength + " (journeys.cypher.max-query-length)");
        }
        JsonNode parameters = node.get("parameters");
        if (parameters == null || parameters.isNull()) {
            return new CypherRequest(query.asString(), Map.of());
        }
        if (!parameters.isObject()) {
            throw new InvalidParameterException("parameters", "must be an object of the query's $parameters by name "
                    + "({\"id\": \"j-1\"} for $id), got " + kind(parameters));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = json.treeToValue(parameters, LinkedHashMap.class);
        return new CypherRequest(query.asString(), values);
    }

    /** Jackson's words for what it found, in parentheses, without its location and at most 200 characters. */
    private static String reason(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return " (" + (line.length() <= 200 ? line : line.substring(0, 197) + "...") + ")";
    }

    /** What a JSON value is, for a message: "a number", "an array", ... */
    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL -> "null";
            case BINARY -> "binary data";
            case MISSING -> "nothing";
        };
    }
}
