package com.journeyexplorer.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.compare.SegmentComparison;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/** Compares two selections of journeys, each given as a filter query string. */
@RestController
@RequestMapping("/api")
class CompareController {

    static final int MAX_LIMIT = 200;
    private static final Set<String> PARAMETERS;
    private static final Set<String> SHAPING = Set.of("level", "collapseRepeats", "maxSteps", "group");

    static {
        Set<String> parameters = new TreeSet<>(AttributionSettings.PARAMETERS);
        parameters.addAll(Set.of("a", "b", "confidence", "limit"));
        PARAMETERS = Set.copyOf(parameters);
    }

    private final JourneyProjection projection;

    CompareController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/compare")
    @Operation(summary = "Compare two selections of journeys", description = "a and b are each a URL-encoded "
            + "query string of the common filters (from, to, segment, channel, device, outcome, attr.<name>, "
            + "startsWith, endsWith, contains, excludes, filterScope), e.g. a=segment%3Dtrend%20follower; an empty "
            + "string selects every journey. Errors inside name the parameter as a.segment. Returns both sizes, "
            + "outcome rates with Wilson intervals and z-tests (Holm), a chi-square test, the path variants and "
            + "transitions whose shares differ most (Benjamini-Hochberg), and each side's attribution.")
    @Parameter(name = "a", in = ParameterIn.QUERY, required = true, description = "Filter of selection a, "
            + "URL-encoded", example = "segment=trend follower")
    @Parameter(name = "b", in = ParameterIn.QUERY, required = true, description = "Filter of selection b, "
            + "URL-encoded", example = "segment=bargain hunter")
    @Parameter(name = "model", in = ParameterIn.QUERY, description = "Attribution model of both sides",
            schema = @Schema(allowableValues = {"markov", "first", "last", "linear", "position", "time-decay"},
                    defaultValue = "markov"))
    @Parameter(name = "level", in = ParameterIn.QUERY, description = "Attribute to touchpoints, channels or stages",
            schema = @Schema(allowableValues = {"touchpoint", "channel", "stage"}, defaultValue = "touchpoint"))
    @Parameter(name = "group", in = ParameterIn.QUERY, description = "Name:regex, repeatable; the attribution "
            + "credits touchpoints whose whole name matches together as Name", example = "Product pages:Product.*")
    @Parameter(name = "order", in = ParameterIn.QUERY, description = "Markov order, 1..4 (markov only)",
            schema = @Schema(type = "integer", minimum = "1", maximum = "4", defaultValue = "1"))
    @Parameter(name = "halfLife", in = ParameterIn.QUERY, description = "Half-life in days, > 0 (time-decay only)",
            schema = @Schema(type = "number", defaultValue = "7"))
    @Parameter(name = "confidence", in = ParameterIn.QUERY, description = "Confidence of the intervals",
            schema = @Schema(type = "number", minimum = "0.5", maximum = "0.999", defaultValue = "0.95"))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Paths and transitions returned at most",
            schema = @Schema(type = "integer", minimum = "0", maximum = "200", defaultValue = "10"))
    CompareAnswer compare(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidParameterException(name, "is not a parameter of this endpoint (known: "
                        + String.join(", ", new TreeSet<>(PARAMETERS)) + "; filters go inside a and b)");
            }
        }
        JourneySnapshot snapshot = projection.current();
        String filterA = required(parameters, "a");
        String filterB = required(parameters, "b");
        JourneyQuery a = side("a", filterA).requireKnownTouchpoints(snapshot);
        JourneyQuery b = side("b", filterB).requireKnownTouchpoints(snapshot);
        AttributionSettings settings = AttributionSettings.of(parameters, JourneyQuery.shaping(parameters));
        JourneyQuery.requireLevelData(settings.level(), snapshot);
        double confidence = JourneyQuery.decimal(parameters, "confidence", 0.5, 0.999, 0.95);
        int limit = JourneyQuery.integer(parameters, "limit", 0, MAX_LIMIT, 10);
        SegmentComparison.Result result = SegmentComparison.compare(snapshot, a.selection(), b.selection(),
                settings.model(), settings.labels(snapshot), confidence, limit);
        return CompareAnswer.of(filterA, filterB, result, settings, confidence);
    }

    private static String required(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        if (value == null) {
            throw new InvalidParameterException(name, "is required: a URL-encoded filter query string such as "
                    + "segment%3Dtrend%20follower (empty for every journey)");
        }
        return value.strip();
    }

    /**
     * The filters of one side, read from its query string ({@code segment=trend follower&device=mobile}, names and
     * values form-decoded: {@code %20} or {@code +} for a space); every error names the parameter as {@code a.<name>}.
     */
    static JourneyQuery side(String side, String filter) {
        MultiValueMap<String, String> inner = new LinkedMultiValueMap<>();
        try {
            UriComponentsBuilder.newInstance().query(filter).build().getQueryParams().forEach((name, values) -> {
                for (String value : values) {
                    inner.add(decode(name), value == null ? "" : decode(value));
                }
            });
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(side, "is not a well-formed query string (check its %-escapes)");
        }
        for (String name : inner.keySet()) {
            if (SHAPING.contains(name)) {
                throw new InvalidParameterException(side + "." + name, "is not a filter; give it as a parameter "
                        + "of /api/compare itself");
            }
        }
        try {
            return JourneyQuery.of(inner, Set.of());
        } catch (InvalidParameterException e) {
            throw e.renamed(side + "." + e.parameter());
        }
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
