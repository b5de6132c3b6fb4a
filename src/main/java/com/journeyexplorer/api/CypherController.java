package com.journeyexplorer.api;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.ReadOnlyCypher;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Read-only Cypher over HTTP, for users without a Bolt client. */
@RestController
@RequestMapping("/api/cypher")
@Tag(name = "Cypher")
class CypherController {

    private final ReadOnlyCypher cypher;
    private final int maxQueryLength;

    CypherController(ReadOnlyCypher cypher, JourneysProperties properties) {
        this.cypher = cypher;
        this.maxQueryLength = properties.cypher().maxQueryLength();
    }

    /** @param parameters values of the query's {@code $parameters}; may be omitted */
    record CypherRequest(String query, Map<String, Object> parameters) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Run a read-only Cypher query", description = "Runs one read-only statement in a read "
            + "transaction with a time limit (journeys.cypher.timeout) and a row limit (journeys.cypher.max-rows; "
            + "truncated=true when cut). Writes, schema and admin commands, LOAD CSV, USE, CALL { } IN TRANSACTIONS "
            + "and procedures outside a read-only allow-list are refused with 403. Nodes come back as {elementId, "
            + "labels, properties}, temporal values as ISO-8601 text.")
    ReadOnlyCypher.Answer run(@RequestBody CypherRequest request) {
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw new InvalidParameterException("query", "is required: the Cypher text to run");
        }
        if (request.query().length() > maxQueryLength) {
            throw new InvalidParameterException("query", "is " + request.query().length() + " characters long; the "
                    + "limit is " + maxQueryLength + " (journeys.cypher.max-query-length)");
        }
        return cypher.run(request.query(), request.parameters() == null ? Map.of() : request.parameters());
    }
}
