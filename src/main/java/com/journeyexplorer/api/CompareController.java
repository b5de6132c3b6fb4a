package com.journeyexplorer.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.ResponsesByPosition;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.analysis.compare.SegmentComparison;
import com.journeyexplorer.analysis.experience.ExperienceComparison;
import com.journeyexplorer.graph.FeedbackGraph;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** Compares two selections of journeys, each given as a filter query string. */
@RestController
@RequestMapping("/api")
class CompareController {

    static final int MAX_LIMIT = 200;
    static final EndpointParameters COMPARE = EndpointParameters.only("filters go inside a and b",
            QueryParameter.text("a", "Filter of selection a, URL-encoded").asRequired()
                    .example("segment=trend follower").readWith(CompareController::required),
            QueryParameter.text("b", "Filter of selection b, URL-encoded").asRequired()
                    .example("segment=bargain hunter").readWith(CompareController::required),
            // Read together by AttributionSettings.of, which says which model takes which.
            QueryParameter.filter("model", "Attribution model of both sides").allowing(
                    List.of("markov", "first", "last", "linear", "position", "time-decay"), "markov"),
            QueryParameter.filter("level", "Attribute to touchpoints, channels or stages")
                    .allowing(List.of("touchpoint", "channel", "stage"), "touchpoint"),
            QueryParameter.filter("group", "Name:regex, repeatable; the attribution credits touchpoints whose whole "
                    + "name matches together as Name").example("Product pages:Product.*"),
            QueryParameter.filter("order", "Markov order, 1..4 (markov only)").typed("integer", 1).bounded(1, 4),
            QueryParameter.filter("halfLife", "Half-life in days, > 0 (time-decay only)")
                    .typed("number", AttributionSettings.DEFAULT_HALF_LIFE_DAYS)
                    .bounded(0, AttributionSettings.MAX_HALF_LIFE_DAYS),
            QueryParameter.filter("collapseRepeats", "Merge consecutive repeated steps (markov only)")
                    .typed("boolean", false),
            QueryParameter.number("confidence", 0.5, 0.999, 0.95, "Confidence of the intervals"),
            QueryParameter.integer("limit", 0, MAX_LIMIT, 10, "Paths and transitions returned at most"),
            QueryParameter.integer("attributionLimit", 1, AttributionController.MAX_LIMIT,
                    AttributionController.DEFAULT_LIMIT, "How many labels each side's attribution lists, the most "
                    + "credited, 1.." + AttributionController.MAX_LIMIT + "; the others are summed in its 'other'"));

    /** The filters of one side: no shaping, which /api/compare takes for both sides. */
    static final EndpointParameters SIDE = EndpointParameters.of()
            .refusingShaping("is not a filter; give it as a parameter of /api/compare itself");

    private final JourneyProjection projection;
    private final FeedbackGraph feedback;

    CompareController(JourneyProjection projection, FeedbackGraph feedback) {
        this.projection = projection;
        this.feedback = feedback;
    }

    @GetMapping("/compare")
    @Operation(summary = "Compare two selections of journeys", description = "a and b are each a URL-encoded "
            + "query string of the common filters (from, to, segment, channel, device, outcome, attr.<name>, "
            + "startsWith, endsWith, contains, excludes, filterScope), e.g. a=segment%3Dtrend%20follower; an empty "
            + "string selects every journey. Errors inside name the parameter as a.segment. Returns both sizes, "
            + "outcome rates with Wilson intervals and z-tests (Holm), a chi-square test, the path variants and "
            + "transitions whose shares differ most (Benjamini-Hochberg), each side's attribution, and where survey "
            + "responses are about the selections each side's mean normalized score and the difference. Each side's "
            + "attribution lists at most 'attributionLimit' labels, most conversions first, and sums the labels left "
            + "out in its 'other' (labels, conversions, value), so the listed credits plus other's equal the side's "
            + "conversions and value.")
    @DeclaredParameters("COMPARE")
    CompareAnswer compare(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = COMPARE.read(parameters, projection);
        JourneySnapshot snapshot = request.snapshot();
        String filterA = request.text("a");
        String filterB = request.text("b");
        JourneyQuery a = known("a", side("a", filterA, snapshot), snapshot);
        JourneyQuery b = known("b", side("b", filterB, snapshot), snapshot);
        FilterWarnings.keep(FilterWarnings.of(a.selection(), snapshot, "a."));
        FilterWarnings.keep(FilterWarnings.of(b.selection(), snapshot, "b."));
        AttributionSettings settings = AttributionSettings.of(parameters, JourneyQuery.shaping(parameters));
        JourneyQuery.requireLevelData(settings.level(), snapshot);
        double confidence = request.number("confidence");
        int limit = request.integer("limit");
        TouchpointLabels labels = settings.labels(snapshot);
        SegmentComparison.Result result = SegmentComparison.compare(snapshot, a.selection(), b.selection(),
                settings.model(), labels, confidence, limit);
        ExperienceComparison experience = ExperienceComparison.of(snapshot, a.selection(), b.selection(),
                ResponsesByPosition.of(snapshot, feedback.responses()), confidence);
        return CompareAnswer.of(snapshot, filterA, filterB, result, settings,
                AttributionAnswer.competitorLabels(snapshot, labels), confidence, experience,
                request.integer("attributionLimit"));
    }

    /** The filter query string of a side, stripped; given empty for every journey, never absent. */
    private static String required(MultiValueMap<String, String> parameters, String name) {
        String value = JourneyQuery.onlyValue(parameters, name);
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
    static JourneyQuery side(String side, String filter, JourneySnapshot snapshot) {
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
        try {
            return SIDE.readQuery(inner, snapshot);
        } catch (InvalidParameterException e) {
            throw e.renamed(side + "." + e.parameter());
        }
    }

    /** The side's filters once their touchpoints are known; an unknown one names its parameter as a.startsWith. */
    private static JourneyQuery known(String side, JourneyQuery query, JourneySnapshot snapshot) {
        try {
            return query.requireKnownTouchpoints(snapshot);
        } catch (NotFoundException e) {
            throw e.renamed(side + "." + e.parameter());
        }
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
