package com.journeyexplorer.api;

import java.io.IOException;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.ReadOnlyCypher;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** Read-only Cypher over HTTP, for users without a Bolt client. */
@RestController
@RequestMapping("/api/cypher")
@Tag(name = "Cypher")
class CypherController {

    private static final String TOO_LARGE = "the request body is larger than the limit of "
            + CypherRequest.MAX_BODY_BYTES + " bytes for a query and its parameters";

    private final ReadOnlyCypher cypher;
    private final JsonMapper json;
    private final int maxQueryLength;

    CypherController(ReadOnlyCypher cypher, JsonMapper json, JourneysProperties properties) {
        this.cypher = cypher;
        this.json = json;
        this.maxQueryLength = properties.cypher().maxQueryLength();
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Run a read-only Cypher query", description = "Runs one read-only statement in a read "
            + "transaction with a time limit (journeys.cypher.timeout) and a row limit (journeys.cypher.max-rows; "
            + "truncated=true when cut); at shutdown a running query is stopped with a 503 shutting-down problem. "
            + "Writes, schema and admin commands, LOAD CSV, USE, CALL { } IN TRANSACTIONS "
            + "and procedures outside a read-only allow-list are refused with 403. Nodes come back as {elementId, "
            + "labels, properties}, temporal values as ISO-8601 text. The body has a query string and an optional "
            + "parameters object, nothing else (400 naming any other member).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = CypherRequest.class))))
    ReadOnlyCypher.Answer run(HttpServletRequest request) throws IOException {
        CypherRequest body = CypherRequest.read(StrictJsonBody.bytes(request, CypherRequest.MAX_BODY_BYTES,
                TOO_LARGE), json, maxQueryLength);
        return cypher.run(body.query(), body.parameters());
    }
}
