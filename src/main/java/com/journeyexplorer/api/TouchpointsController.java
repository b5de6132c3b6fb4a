package com.journeyexplorer.api;

import java.util.Locale;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.ingest.Redefinitions;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * {@code PUT /api/touchpoints/{name}} (or {@code PUT /api/touchpoints?name=...}, for names with a '/'): sets a
 * touchpoint's channel, stage and owner on purpose. Imports never change them once set.
 */
@RestController
@RequestMapping("/api/touchpoints")
class TouchpointsController {

    static final int MAX_LENGTH = 500;

    private final Redefinitions redefinitions;
    private final JourneyProjection projection;

    TouchpointsController(Redefinitions redefinitions, JourneyProjection projection) {
        this.redefinitions = redefinitions;
        this.projection = projection;
    }

    /** The fields to set; an absent or null field stays as it is, an empty channel or stage clears it. */
    record TouchpointMetadata(String channel, String stage, String owner) {
    }

    record TouchpointAnswer(String name, String channel, String stage, String owner, long journeysChanged,
            String importId) {
    }

    @PutMapping("/{name}")
    TouchpointAnswer update(@PathVariable String name, @RequestBody TouchpointMetadata metadata) {
        return set(name, metadata);
    }

    @PutMapping
    TouchpointAnswer updateByParameter(@RequestParam String name, @RequestBody TouchpointMetadata metadata) {
        return set(name, metadata);
    }

    private TouchpointAnswer set(String name, TouchpointMetadata metadata) {
        if (metadata == null) {
            throw new InvalidParameterException("body", "give a JSON object with channel, stage and/or owner");
        }
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
        return stripped;
    }
}
