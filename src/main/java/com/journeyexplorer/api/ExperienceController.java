package com.journeyexplorer.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.experience.ExperienceByLabel;
import com.journeyexplorer.analysis.experience.ExperienceDrivers;
import com.journeyexplorer.analysis.experience.PainPoints;
import com.journeyexplorer.analysis.experience.ScoreSummary;
import com.journeyexplorer.graph.FeedbackGraph;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.journey.SurveyResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The experience on the journey map, from the survey responses ({@code POST /api/feedback}) and frustration events of
 * the selected journeys: scores per touchpoint, stage or channel, the pain points, and the touchpoints whose
 * experience moves purchases. Whole journeys, raw touchpoints: path shaping does not apply (400).
 */
@RestController
@RequestMapping("/api/experience")
@Tag(name = "Experience")
class ExperienceController {

    static final int MAX_COMMENTS = 20;
    static final int MAX_LIMIT = 500;

    private final JourneyProjection projection;
    private final FeedbackGraph feedback;

    ExperienceController(JourneyProjection projection, FeedbackGraph feedback) {
        this.projection = projection;
        this.feedback = feedback;
    }

    /** The experience by label, with the plain-words answer to "Is the experience positive?". */
    record ExperienceAnswer(String by, double confidence, String answer, ScoreSummary overall, long visits,
            long frustrationEvents, List<ExperienceByLabel.Row> labels) {
    }

    record PainPointsAnswer(String formula, int minResponses, List<PainPoints.PainPoint> painPoints) {
    }

    record DriversAnswer(double confidence, String method, List<ExperienceDrivers.Driver> drivers) {
    }

    @GetMapping
    @Operation(summary = "Experience per touchpoint, stage or channel", description = "Per label: the answers, "
            + "their mean normalized score (0..1) with its interval, the shares of positive and negative answers, "
            + "the NPS with its interval where answers are on the NPS scale, visits, frustration events per 100 "
            + "visits, and the most negative comments (newest first). 'overall' sums every selected answer.")
    @Parameter(name = "by", in = ParameterIn.QUERY, description = "touchpoint, stage or channel",
            schema = @Schema(defaultValue = "touchpoint"))
    @Parameter(name = "comments", in = ParameterIn.QUERY, description = "Most negative comments per label, 0..20",
            schema = @Schema(type = "integer", defaultValue = "3"))
    @Parameter(name = "confidence", in = ParameterIn.QUERY, description = "Confidence of the intervals, 0.5..0.999",
            schema = @Schema(defaultValue = "0.95"))
    @JourneyFilterParameters
    ExperienceAnswer experience(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        PathShaping.Level by = by(parameters);
        int comments = JourneyQuery.integer(parameters, "comments", 0, MAX_COMMENTS, 3);
        double confidence = JourneyQuery.decimal(parameters, "confidence", 0.5, 0.999, 0.95);
        JourneyQuery query = JourneyQuery.of(parameters, Set.of("by", "comments", "confidence")).rejectShaping();
        JourneySnapshot snapshot = projection.current();
        query.requireKnownTouchpoints(snapshot);
        JourneyQuery.requireLevelData(by, snapshot);
        ExperienceByLabel.Result result = ExperienceByLabel.of(snapshot, query.selection(), responses(), by,
                comments, confidence);
        return new ExperienceAnswer(result.by(), confidence, answer(result.overall(), confidence), result.overall(),
                result.visits(), result.frustrationEvents(), result.labels());
    }

    @GetMapping("/painpoints")
    @Operation(summary = "Touchpoints ranked by what their bad experience costs", description = "cost = "
            + "badExperience × journeys × lostShare, badExperience = 1 - (1 - negativeShare) × "
            + "(1 - frustrationRate); "
            + "every term is in the row, with a sentence saying why it ranks there.")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Rows, 1..500",
            schema = @Schema(type = "integer", defaultValue = "10"))
    @Parameter(name = "minResponses", in = ParameterIn.QUERY, description = "Answers a touchpoint needs before its "
            + "negative share counts, 1..10000", schema = @Schema(type = "integer", defaultValue = "5"))
    @JourneyFilterParameters
    PainPointsAnswer painPoints(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        int limit = JourneyQuery.integer(parameters, "limit", 1, MAX_LIMIT, 10);
        int minResponses = JourneyQuery.integer(parameters, "minResponses", 1, 10_000, 5);
        JourneyQuery query = JourneyQuery.of(parameters, Set.of("limit", "minResponses")).rejectShaping();
        JourneySnapshot snapshot = projection.current();
        query.requireKnownTouchpoints(snapshot);
        return new PainPointsAnswer("cost = badExperience × journeys × lostShare; badExperience = 1 - (1 - "
                + "negativeShare) × (1 - frustrationRate); negativeShare = negative answers / answers (0 below "
                + "minResponses answers); frustrationRate = min(1, frustration events / visits); lostShare = "
                + "abandoned or diverted journeys / journeys visiting the touchpoint", minResponses,
                PainPoints.of(snapshot, query.selection(), responses(), minResponses, limit));
    }

    @GetMapping("/drivers")
    @Operation(summary = "Touchpoints whose experience moves purchases", description = "Per touchpoint: the purchase "
            + "rate of journeys with a positive and with a negative experience there, the difference (positive "
            + "minus negative) with Newcombe's interval, the two-proportion z-test and its Benjamini-Hochberg "
            + "corrected p-value. Most significant first (smallest corrected p-value, then largest difference).")
    @Parameter(name = "confidence", in = ParameterIn.QUERY, description = "Confidence of the intervals, 0.5..0.999",
            schema = @Schema(defaultValue = "0.95"))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Rows, 1..500",
            schema = @Schema(type = "integer", defaultValue = "50"))
    @JourneyFilterParameters
    DriversAnswer drivers(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        double confidence = JourneyQuery.decimal(parameters, "confidence", 0.5, 0.999, 0.95);
        int limit = JourneyQuery.integer(parameters, "limit", 1, MAX_LIMIT, 50);
        JourneyQuery query = JourneyQuery.of(parameters, Set.of("confidence", "limit")).rejectShaping();
        JourneySnapshot snapshot = projection.current();
        query.requireKnownTouchpoints(snapshot);
        List<ExperienceDrivers.Driver> drivers = ExperienceDrivers.of(snapshot, query.selection(), responses(),
                confidence);
        return new DriversAnswer(confidence, "purchase rate of journeys with a positive minus a negative experience "
                + "at the touchpoint; Newcombe interval; two-proportion z-test, Benjamini-Hochberg corrected",
                drivers.subList(0, Math.min(limit, drivers.size())));
    }

    private List<SurveyResponse> responses() {
        return feedback.responses();
    }

    private static PathShaping.Level by(MultiValueMap<String, String> parameters) {
        String value = JourneyQuery.single(parameters, "by");
        if (value == null) {
            return PathShaping.Level.TOUCHPOINT;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "touchpoint" -> PathShaping.Level.TOUCHPOINT;
            case "stage" -> PathShaping.Level.STAGE;
            case "channel" -> PathShaping.Level.CHANNEL;
            default -> throw new InvalidParameterException("by", "must be touchpoint, stage or channel, was '"
                    + JourneyQuery.abbreviate(value) + "'");
        };
    }

    /** "Is the experience positive?" in plain words, with the numbers. */
    static String answer(ScoreSummary overall, double confidence) {
        if (overall.responses() == 0) {
            return "No survey answers about the selected journeys: import them with POST /api/feedback.";
        }
        boolean positive = overall.positiveShare() > overall.negativeShare();
        String verdict = overall.meanInterval().lower() > 0.5 && positive ? "Yes"
                : overall.meanInterval().upper() < 0.5 && !positive ? "No" : "Mixed";
        return String.format(Locale.ROOT, "%s: %.0f%% of %,d answers are positive and %.0f%% negative; the mean "
                + "score is %.2f of 1 (%.2f to %.2f at %.0f%% confidence)%s.", verdict,
                100 * overall.positiveShare(), overall.responses(), 100 * overall.negativeShare(),
                overall.meanScore(), overall.meanInterval().lower(), overall.meanInterval().upper(), 100 * confidence,
                overall.nps() == null ? "" : String.format(Locale.ROOT, "; NPS %.0f (%.0f to %.0f)",
                        overall.nps().score(), overall.nps().interval().lower(), overall.nps().interval().upper()));
    }
}
