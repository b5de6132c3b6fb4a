package com.journeyexplorer.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Counted;
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

    private static final QueryParameter CONFIDENCE = QueryParameter.number("confidence", 0.5, 0.999, 0.95,
            "Confidence of the intervals, 0.5..0.999");

    static final EndpointParameters EXPERIENCE = EndpointParameters.of(
            QueryParameter.choice("by", PathShaping.Level.class, PathShaping.Level.TOUCHPOINT,
                    "touchpoint, stage or channel"),
            QueryParameter.integer("comments", 0, MAX_COMMENTS, 3, "Most negative comments per label, of "
                    + "negative answers only, 0.." + MAX_COMMENTS),
            CONFIDENCE)
            .refusingShaping(EndpointParameters.RAW_TOUCHPOINTS);

    static final EndpointParameters PAIN_POINTS = EndpointParameters.of(
            QueryParameter.integer("limit", 1, MAX_LIMIT, 10, "Rows, 1.." + MAX_LIMIT),
            QueryParameter.integer("minResponses", 1, 10_000, 5, "Answers a touchpoint needs before its negative "
                    + "share counts, 1..10000"))
            .refusingShaping(EndpointParameters.RAW_TOUCHPOINTS);

    static final EndpointParameters DRIVERS = EndpointParameters.of(
            CONFIDENCE,
            QueryParameter.integer("limit", 1, MAX_LIMIT, 50, "Rows, 1.." + MAX_LIMIT))
            .refusingShaping(EndpointParameters.RAW_TOUCHPOINTS);

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
            + "visits, and the most negative comments of negative answers (newest first). 'overall' sums every "
            + "selected answer.")
    @DeclaredParameters("EXPERIENCE")
    ExperienceAnswer experience(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = EXPERIENCE.read(parameters, projection);
        PathShaping.Level by = request.value("by", PathShaping.Level.class);
        int comments = request.integer("comments");
        double confidence = request.number("confidence");
        JourneySnapshot snapshot = request.snapshot();
        JourneyQuery.requireLevelData(by, snapshot);
        List<SurveyResponse> responses = responses();
        ExperienceByLabel.Result result = ExperienceByLabel.of(snapshot, request.selection(), responses, by,
                comments, confidence);
        return new ExperienceAnswer(result.by(), confidence,
                answer(result.overall(), result.visits(), responses.size(), confidence), result.overall(),
                result.visits(), result.frustrationEvents(), result.labels());
    }

    @GetMapping("/painpoints")
    @Operation(summary = "Touchpoints ranked by what their bad experience costs", description = "cost = "
            + "badExperience × journeys × lostShare, badExperience = 1 - (1 - negativeShare) × "
            + "(1 - frustrationRate); "
            + "every term is in the row, with a sentence saying why it ranks there.")
    @DeclaredParameters("PAIN_POINTS")
    PainPointsAnswer painPoints(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = PAIN_POINTS.read(parameters, projection);
        int limit = request.integer("limit");
        int minResponses = request.integer("minResponses");
        JourneySnapshot snapshot = request.snapshot();
        return new PainPointsAnswer("cost = badExperience × journeys × lostShare; badExperience = 1 - (1 - "
                + "negativeShare) × (1 - frustrationRate); negativeShare = negative answers / answers (0 below "
                + "minResponses answers); frustrationRate = min(1, frustration events / visits); lostShare = "
                + "abandoned or diverted journeys / journeys visiting the touchpoint", minResponses,
                PainPoints.of(snapshot, request.selection(), responses(), minResponses, limit));
    }

    @GetMapping("/drivers")
    @Operation(summary = "Touchpoints whose experience moves purchases", description = "Per touchpoint: the purchase "
            + "rate of journeys with a positive and with a negative experience there, the difference (positive "
            + "minus negative) with Newcombe's interval, the two-proportion z-test and its Benjamini-Hochberg "
            + "corrected p-value. Most significant first (smallest corrected p-value, then largest difference).")
    @DeclaredParameters("DRIVERS")
    DriversAnswer drivers(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = DRIVERS.read(parameters, projection);
        double confidence = request.number("confidence");
        int limit = request.integer("limit");
        List<ExperienceDrivers.Driver> drivers = ExperienceDrivers.of(request.snapshot(), request.selection(),
                responses(),
                confidence);
        return new DriversAnswer(confidence, "purchase rate of journeys with a positive minus a negative experience "
                + "at the touchpoint; Newcombe interval; two-proportion z-test, Benjamini-Hochberg corrected",
                drivers.subList(0, Math.min(limit, drivers.size())));
    }

    private List<SurveyResponse> responses() {
        return feedback.responses();
    }

    /**
     * "Is the experience positive?" in plain words, with the numbers. Without answers it says why: no journey selected
     * ({@code visits} 0: every journey has a step), no answer stored ({@code storedAnswers} 0), or none about these.
     */
    static String answer(ScoreSummary overall, long visits, int storedAnswers, double confidence) {
        if (overall.responses() == 0) {
            if (storedAnswers == 0) {
                return "No survey answers yet: import them with POST /api/feedback, or give scores on events.";
            }
            return visits == 0 ? "No journey matches the filters, so no answer is about them."
                    : storedAnswers == 1 ? "The one survey answer is not about the selected journeys."
                    : "None of the " + Counted.of(storedAnswers, "survey answer") + " is about the selected journeys.";
        }
        // "No" mirrors "Yes": answers that are neither positive nor negative (passives, CSAT 3) outnumber neither.
        boolean positive = overall.positiveShare() > overall.negativeShare();
        boolean negative = overall.negativeShare() > overall.positiveShare();
        String verdict = overall.meanInterval().lower() > 0.5 && positive ? "Yes"
                : overall.meanInterval().upper() < 0.5 && negative ? "No" : "Mixed";
        return String.format(Locale.ROOT, "%s: %.0f%% of %s %s positive and %.0f%% negative; the mean "
                + "score is %.2f of 1 (%.2f to %.2f at %s%% confidence)%s.", verdict,
                100 * overall.positiveShare(), Counted.of(overall.responses(), "answer"),
                overall.responses() == 1 ? "is" : "are", 100 * overall.negativeShare(),
                overall.meanScore(), overall.meanInterval().lower(), overall.meanInterval().upper(),
                percent(confidence),
                overall.nps() == null ? "" : String.format(Locale.ROOT, "; NPS %.0f of %s (%.0f to %.0f)",
                        overall.nps().score(), Counted.of(overall.nps().responses(), "NPS answer"),
                        overall.nps().interval().lower(), overall.nps().interval().upper()));
    }

    /** A confidence as a percentage with the digits it was given: 0.999 is 99.9, not a rounded 100. */
    private static String percent(double confidence) {
        return new BigDecimal(confidence * 100).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
