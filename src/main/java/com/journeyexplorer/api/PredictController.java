package com.journeyexplorer.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.predict.Backtest;
import com.journeyexplorer.analysis.predict.BacktestReport;
import com.journeyexplorer.analysis.predict.VariableOrderChain;
import com.journeyexplorer.api.PredictionRequests.PredictAnswer;
import com.journeyexplorer.api.PredictionRequests.PredictionRequest;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.ingest.SizeLimitedInputStream;
import com.journeyexplorer.ingest.UploadTooLargeException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Predicts how open journeys end from the steps they have taken so far ({@link VariableOrderChain}), one at a time
 * or as an NDJSON batch, and measures those predictions on the data's own later journeys ({@link Backtest}). The
 * model is learned from the journeys the common filters select, once per snapshot ({@link PredictionModels}).
 */
@RestController
@RequestMapping("/api/predict")
@Tag(name = "Predict")
class PredictController {

    /** Not the uploads' setting: a batch of journeys to predict has a limit of its own. */
    private static final String TOO_LARGE = "the request body is larger than the limit of "
            + PredictionRequests.MAX_BODY_BYTES + " bytes for journeys to predict; send them in smaller batches";

    private static final String SINGLE_EXAMPLE = "{\"steps\": [\"Instagram ad\", \"Product page\", \"Cart\"]}";
    private static final String BATCH_EXAMPLE = "{\"id\": \"a\", \"steps\": [\"Instagram ad\", \"Product page\"]}\n"
            + "{\"id\": \"b\", \"steps\": [\"Google search\", \"Cart\"]}";
    private static final String NOT_SHAPED = "does not apply here: the model learns raw touchpoints, which the "
            + "steps name";
    private static final QueryParameter ORDER = QueryParameter.integer("order", 1, VariableOrderChain.MAX_ORDER, 3,
            "The longest context: the last k steps (k up to order, with (start) counting as a step) a prediction "
            + "may rest on");
    private static final QueryParameter MIN_SUPPORT = QueryParameter.integer("minSupport", 1, 1_000_000_000, 30,
            "The journeys a context needs behind it to be used; shorter contexts are used otherwise");

    static final EndpointParameters PREDICT = EndpointParameters.of(ORDER, MIN_SUPPORT,
            QueryParameter.integer("next", 0, VariableOrderChain.MAX_NEXT, 5, "How many next touchpoints to list"))
            .refusingShaping(NOT_SHAPED);

    static final EndpointParameters QUALITY = EndpointParameters.of(ORDER, MIN_SUPPORT,
            QueryParameter.number("learnFraction", 0.05, 0.95, 0.8,
                    "The share of the journeys, the earliest by start time, the models learn from; the rest are "
                    + "predicted"),
            QueryParameter.integer("bins", 2, 50, 10, "Equal-width bins of predicted purchase probability in the "
                    + "calibration tables"))
            .refusingShaping(NOT_SHAPED);

    private final JourneyProjection projection;
    private final PredictionModels models;
    private final JsonMapper json;

    PredictController(JourneyProjection projection, PredictionModels models, JsonMapper json) {
        this.projection = projection;
        this.models = models;
        this.json = json;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Predict how an open journey ends", description = "For a journey that has taken these "
            + "steps so far: the probability of each outcome, from the longest recent context (the last k steps, "
            + "k up to order) with at least minSupport journeys behind it, the empirical outcome distribution of the "
            + "journeys that were in that context; the context used and its support; and the touchpoints customers "
            + "took next from there, the most likely to lead to a purchase first, each with how often it was taken. "
            + "Steps that name no touchpoint are listed in unknownSteps and skipped. The model learns from the "
            + "journeys the filters select.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/json", examples = @ExampleObject(value = SINGLE_EXAMPLE)),
                    @Content(mediaType = "application/x-ndjson", examples = @ExampleObject(value = BATCH_EXAMPLE))}))
    @DeclaredParameters("PREDICT")
    PredictAnswer predict(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            HttpServletRequest request) throws IOException {
        AnalysisRequest read = PREDICT.read(parameters, projection);
        PredictionRequest journey;
        try (InputStream body = limited(request)) {
            journey = PredictionRequests.single(body, json);
        }
        VariableOrderChain model = models.model(read.snapshot(), read.selection(), read.integer("order"));
        int minSupport = read.integer("minSupport");
        return PredictAnswer.single(journey, model.predict(journey.steps(), minSupport, read.integer("next")), model,
                minSupport);
    }

    @PostMapping(consumes = {"application/x-ndjson", "application/jsonl"}, produces = "application/x-ndjson")
    @Operation(summary = "Predict many open journeys", description = "An NDJSON body, one {\"id\": ..., \"steps\": "
            + "[...]} a line (at most " + PredictionRequests.MAX_LINES + " lines, " + PredictionRequests.MAX_STEPS
            + " steps each), answered as NDJSON in the same order, each line the single prediction's answer with "
            + "the id given, without the steps, order, minSupport and journeys, which are the same for every line. "
            + "The whole body is checked first: a bad line is a 400 naming the field and the line.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/json", examples = @ExampleObject(value = SINGLE_EXAMPLE)),
                    @Content(mediaType = "application/x-ndjson", examples = @ExampleObject(value = BATCH_EXAMPLE))}))
    @DeclaredParameters("PREDICT")
    void predictBatch(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Written here, not by a converter: the Accept header was checked against produces before (AnswerNegotiation).
        AnalysisRequest read = PREDICT.read(parameters, projection);
        VariableOrderChain model = models.model(read.snapshot(), read.selection(), read.integer("order"));
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        try (InputStream body = limited(request)) {
            PredictionRequests.answerBatch(body, response.getOutputStream(), model, read.integer("minSupport"),
                    read.integer("next"), json);
        }
    }

    /**
     * @param splitAt the start of the first journey predicted (ISO-8601), absent for data without times
     * @param models  the variable-order chain, the first-order absorbing chain and the base rate, side by side
     */
    record QualityAnswer(int order, int minSupport, double learnFraction, long learnJourneys, long testJourneys,
            long predictions, String splitAt, List<BacktestReport.ModelScore> models) {
    }

    @GetMapping("/quality")
    @Operation(summary = "How good the predictions are", description = "A backtest: the selected journeys are split "
            + "by start time, the models learn from the earliest learnFraction and predict every later journey from "
            + "each of its prefixes (up to the step before its outcome was decided). Log loss, Brier score and a "
            + "calibration table of the purchase probability for the variable-order chain, the first-order "
            + "absorbing chain and the base rate, side by side. Deterministic.")
    @DeclaredParameters("QUALITY")
    QualityAnswer quality(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest read = QUALITY.read(parameters, projection);
        BacktestReport report = Backtest.run(read.snapshot(), read.selection(), read.integer("order"),
                read.integer("minSupport"), read.number("learnFraction"), read.integer("bins"));
        return new QualityAnswer(read.integer("order"), read.integer("minSupport"), report.learnFraction(),
                report.learnJourneys(), report.testJourneys(), report.predictions(),
                report.splitAt() == null ? null : Instant.ofEpochMilli(report.splitAt()).toString(),
                report.models());
    }

    private static InputStream limited(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > PredictionRequests.MAX_BODY_BYTES) {
            throw new UploadTooLargeException(PredictionRequests.MAX_BODY_BYTES, TOO_LARGE);
        }
        return new SizeLimitedInputStream(request.getInputStream(), PredictionRequests.MAX_BODY_BYTES, TOO_LARGE);
    }
}
