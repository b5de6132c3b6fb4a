package com.journeyexplorer.api;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.ingest.Redefinitions;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code PUT /api/touchpoints/{name}} (or {@code PUT /api/touchpoints?name=...}, for names with a '/'): sets a
 * touchpoint's channel, stage and owner on purpose. Imports never change them once set.
 */
@RestController
@RequestMapping("/api/touchpoints")
class TouchpointsController {

    static final int MAX_LENGTH = 500;
    private static final String TOO_LARGE = "the request body is larger than the limit of "
            + TouchpointMetadata.MAX_BODY_BYTES + " bytes for a touchpoint's channel, stage and owner";
    private static final String DESCRIPTION = "The body has channel, stage and owner (own or competitor), each a "
            + "string, nothing else (400 naming any other member); a member left out or null stays as it is, an "
            + "empty channel or stage clears it. 404 for an unknown touchpoint.";

    private final Redefinitions redefinitions;
    private final JourneyProjection projection;
    private final JsonMapper json;

    TouchpointsController(Redefinitions redefinitions, JourneyProjection projection, JsonMapper json) {
        this.redefinitions = redefinitions;
        this.projection = projection;
        this.json = json;
    }

    /** The fields to set; an absent or null field stays as it is, an empty channel or stage clears it. */
    record TouchpointMetadata(String channel, String stage, String owner) {

        /** Largest body: three strings of at most {@link #MAX_LENGTH} characters, each escaped to 6 bytes a char. */
        static final long MAX_BODY_BYTES = 64 << 10;
        private static final StrictJsonBody BODY = new StrictJsonBody("a touchpoint's metadata",
                List.of("channel", "stage", "owner"), "{\"channel\": \"email\", \"stage\": \"awareness\", "
                        + "\"owner\": \"own\"}");

        /**
         * The metadata in {@code body}, read strictly.
         *
         * @throws InvalidParameterException for a body that is no JSON (naming the line and column), no object, has
         *                                   a member other than channel, stage and owner, or one that is no string
         */
        static TouchpointMetadata read(byte[] body, JsonMapper json) {
            JsonNode node = BODY.object(body, json);
            return new TouchpointMetadata(StrictJsonBody.optionalString(node, "channel", "the channel's name"),
                    StrictJsonBody.optionalString(node, "stage", "the stage's name"),
                    StrictJsonBody.optionalString(node, "owner", "own or competitor"));
        }
    }

    record TouchpointAnswer(String name, String channel, String stage, String owner, long journeysChanged,
            String importId) {
    }

    @PutMapping(path = "/{name}", consumes = "application/json")
    @Operation(summary = "Set a touchpoint's channel, stage and owner", description = DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                    @Content(mediaType = "application/json",
                            schema = @Schema(implementation = TouchpointMetadata.class))))
    TouchpointAnswer update(@PathVariable String name, HttpServletRequest request) throws IOException {
        return set(name, request);
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Set a touchpoint's channel, stage and owner, named by a parameter (any name, '.' too)",
            description = DESCRIPTION, requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    required = true, content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = TouchpointMetadata.class))))
    TouchpointAnswer updateByParameter(@RequestParam String name, HttpServletRequest request) throws IOException {
        return set(name, request);
    }

    private TouchpointAnswer set(String name, HttpServletRequest request) throws IOException {
        TouchpointMetadata metadata = TouchpointMetadata.read(StrictJsonBody.bytes(request,
                TouchpointMetadata.MAX_BODY_BYTES, TOO_LARGE), json);
        String channel = checked("channel", metadata.channel());
        String stage = checked("stage", metadata.stage());
        Owner owner = null;
        if (metadata.owner() != null) {
            owner = switch (metadata.owner().strip().toLowerCase(Locale.ROOT)) {
                case "own" -> Owner.OWN;
                case "competitor" -> Owner.COMPETITOR;
                default -> throw new InvalidParameterException("owner", "must be own or competitor, was '"
                        + metadata.owner() + "'");
            };
        }
        Redefinitions.Result result = redefinitions.setTouchpoint(name, channel, stage, owner);
        Touchpoint stored = projection.current().touchpoint(name).orElseThrow();
        return new TouchpointAnswer(stored.name(), stored.channel().isEmpty() ? null : stored.channel(),
                stored.stage().isEmpty() ? null : stored.stage(), stored.owner().label(), result.journeysChanged(),
                result.importId());
    }

    private static String checked(String field, String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidParameterException(field, "is " + stripped.length() + " characters long; the limit is "
                    + MAX_LENGTH);
        }
        String forbidden = Touchpoint.forbiddenCharacter(stripped);
        if (forbidden != null) {
            // The import's rule for names, so that a name set here can be exported and imported again.
            throw new InvalidParameterException(field, "contains " + forbidden);
        }
        if (NodeSpace.isReservedName(stripped)) {
            // Under level=channel or level=stage a step would be labelled with it and become that node.
            throw new InvalidParameterException(field, "'" + stripped + "' is reserved for the graph's start and "
                    + "outcome nodes");
        }
        return stripped;
    }
}
