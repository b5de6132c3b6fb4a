package com.journeyexplorer.api;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Funnel;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.ResponsesByPosition;
import com.journeyexplorer.analysis.StepFunnel;
import com.journeyexplorer.analysis.StepFunnel.WindowFrom;
import com.journeyexplorer.graph.FeedbackGraph;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.ingest.DurationText;
import com.journeyexplorer.journey.Touchpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * How the selected journeys move through a list of stages, and where the others went; or, with {@code steps}, through
 * a list of touchpoints in order.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Exits")
class FunnelController {

    static final int MAX_STAGES = 20;
    static final int MAX_TOP = 50;

    static final EndpointParameters FUNNEL = EndpointParameters.of(
            QueryParameter.list("stages", "1.." + MAX_STAGES + " different stages in funnel order, "
                    + JourneyQuery.LIST_RULE, FunnelController::stageNames)
                    .example("awareness,consideration,purchase,loyalty,advocacy").readWith(FunnelController::stages),
            QueryParameter.integer("top", 0, MAX_TOP, 5, "Touchpoints listed per drop-out kind, 0.." + MAX_TOP
                    + " (stage funnel)"),
            QueryParameter.list("steps", "1.." + MAX_STAGES + " touchpoints in order, " + JourneyQuery.LIST_RULE,
                    JourneyQuery::touchpointNames)
                    .example("Product page,Cart,Checkout - payment").readWith(FunnelController::steps),
            QueryParameter.text("window", "Conversion window per step (touchpoint funnel): a journey counts at a "
                    + "step only if it gets there within this time after the step before (windowFrom=first: after "
                    + "the first step). 7d, 12h, 30m, 45s, or ISO-8601 such as PT45M, P7D").example("7d")
                    .readWith((parameters, name) -> window(JourneyQuery.single(parameters, name))),
            QueryParameter.choice("windowFrom", WindowFrom.class, WindowFrom.PREVIOUS, "What the window is "
                    + "measured from: the visit to the previous step, or to the first step of the match"))
            .refusingShaping(EndpointParameters.RAW_TOUCHPOINTS);

    private final JourneyProjection projection;
    private final FeedbackGraph feedback;

    FunnelController(JourneyProjection projection, FeedbackGraph feedback) {
        this.projection = projection;
        this.feedback = feedback;
    }

    @GetMapping("/funnel")
    @Operation(summary = "Stage funnel, or touchpoint funnel with steps", description = "Without 'steps', per stage: "
            + "journeys reaching it (a step at a touchpoint of that stage; for 'purchase' also a purchase outcome), "
            + "shareOfTotal (null when no journey is selected), conversion from the previous stage (for the first, of the selected journeys; null "
            + "when there are none to divide by), and of the "
            + "journeys reaching it but not the next (droppedOut) the top touchpoints where the abandoned ones ended "
            + "(abandonedAt) and the competitor touchpoints the diverted ones ended on (divertedTo); 422 when no "
            + "touchpoint has a stage. With 'steps', per touchpoint in eventual order (other touchpoints may come "
            + "between): journeys reaching it, shareOfTotal, conversion from the previous step (null as for "
            + "stages), droppedOut and "
            + "purchased; with 'window', each step only within that time after the previous one (windowFrom=first: "
            + "after the first step). Whole journeys, raw touchpoints: path shaping does not apply (400). Where survey "
            + "responses are about the journeys reaching a stage, the stage carries their count (responses) and mean "
            + "normalized score (meanScore, 0..1). 404 for an asked stage or step no touchpoint has.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {Funnel.class,
            StepFunnel.class})))
    @DeclaredParameters("FUNNEL")
    Object funnel(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = FUNNEL.read(parameters, projection);
        if (request.has("steps")) {
            return touchpointFunnel(request);
        }
        for (String stepsOnly : List.of("window", "windowFrom")) {
            if (request.has(stepsOnly)) {
                throw new InvalidParameterException(stepsOnly, "applies to the touchpoint funnel only (with steps=)");
            }
        }
        List<String> stages = request.list("stages");
        boolean asked = !stages.isEmpty();
        if (!asked) {
            stages = Touchpoint.STAGES;
        }
        JourneySnapshot snapshot = request.snapshot();
        if (!snapshot.touchpoints().isEmpty()
                && snapshot.touchpoints().stream().allMatch(touchpoint -> touchpoint.stage().isEmpty())) {
            throw new MissingDataException("stages", "stage", "No touchpoint has a stage, so a stage funnel would "
                    + "count nothing but purchases. Import events with a stage column (stageColumn=<column> if it "
                    + "has another name), or ask for a touchpoint funnel: steps=First touchpoint,Next touchpoint");
        }
        for (String stage : stages) {
            if (asked && !stage.equalsIgnoreCase("purchase")
                    && snapshot.touchpoints().stream().map(Touchpoint::stage).noneMatch(stage::equalsIgnoreCase)) {
                throw new NotFoundException("stage", stage, "stages", snapshot.touchpoints().stream()
                        .map(Touchpoint::stage).filter(known -> !known.isEmpty()).distinct().sorted().toList());
            }
        }
        return Funnel.of(snapshot, request.selection(), stages, request.integer("top"),
                ResponsesByPosition.of(snapshot, feedback.responses()));
    }

    private static StepFunnel touchpointFunnel(AnalysisRequest request) {
        for (String stageOnly : List.of("stages", "top")) {
            if (request.has(stageOnly)) {
                throw new InvalidParameterException(stageOnly, "applies to the stage funnel only, not with steps=");
            }
        }
        List<String> steps = request.list("steps");
        JourneySnapshot snapshot = request.snapshot();
        for (String step : steps) {
            if (snapshot.touchpoint(step).isEmpty()) {
                throw new NotFoundException("touchpoint", step, "steps", JourneyQuery.knownTouchpoints(snapshot));
            }
        }
        if (request.has("windowFrom") && !request.has("window")) {
            throw new InvalidParameterException("windowFrom", "needs a window (window=7d)");
        }
        return StepFunnel.of(snapshot, request.selection(), steps, request.value("window", Long.class),
                request.value("windowFrom", WindowFrom.class));
    }

    /**
     * 1 to {@link #MAX_STAGES} different stages (ignoring case, as stages match); empty when absent. The stage funnel
     * counts the journeys reaching each stage whatever the order, so a stage named twice would only repeat it (a 400,
     * where the touchpoint funnel's repeated step asks for a second visit).
     */
    private static List<String> stages(MultiValueMap<String, String> parameters, String name,
            JourneySnapshot snapshot) {
        List<String> stages = JourneyQuery.list(parameters, name, stageNames(snapshot));
        if (parameters.containsKey(name) && stages.isEmpty() || stages.size() > MAX_STAGES) {
            throw new InvalidParameterException(name, "must list 1 to " + MAX_STAGES + " stages, was "
                    + stages.size());
        }
        Set<String> seen = new HashSet<>();
        for (String stage : stages) {
            if (!seen.add(stage.toLowerCase(Locale.ROOT))) {
                throw new InvalidParameterException(name, "names the stage '" + stage + "' twice: the stage funnel "
                        + "counts the journeys reaching each stage whatever the order, so a stage counts once "
                        + "(for repeated visits ask the touchpoint funnel: steps=Cart,Cart)");
            }
        }
        return stages;
    }

    /** Whether a text is a stage of a touchpoint of {@code snapshot} or {@code purchase}, ignoring case. */
    static Predicate<String> stageNames(JourneySnapshot snapshot) {
        return name -> name.equalsIgnoreCase("purchase")
                || snapshot.touchpoints().stream().map(Touchpoint::stage).anyMatch(name::equalsIgnoreCase);
    }

    /** 1 to {@link #MAX_STAGES} touchpoints, as {@link JourneyQuery#list} reads them; empty when absent. */
    private static List<String> steps(MultiValueMap<String, String> parameters, String name,
            JourneySnapshot snapshot) {
        if (!parameters.containsKey(name)) {
            return List.of();
        }
        List<String> steps = JourneyQuery.list(parameters, name, JourneyQuery.touchpointNames(snapshot));
        if (steps.isEmpty() || steps.size() > MAX_STAGES) {
            throw new InvalidParameterException(name, "must list 1 to " + MAX_STAGES + " touchpoints, was "
                    + steps.size());
        }
        return steps;
    }

    /**
     * The window in seconds, positive: a number with a unit ({@code 7d}, {@code 12h}, {@code 30m}, {@code 45s},
     * {@code 500ms}, as Spring Boot's simple duration style reads it) or an ISO-8601 duration ({@code PT45M},
     * {@code P7D}).
     */
    static Long window(String value) {
        if (value == null) {
            return null;
        }
        Duration window;
        try {
            window = DurationText.parse(value, "7d, 12h, 30m or PT45M");
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("window", e.getMessage());
        }
        if (window.isNegative() || window.getSeconds() < 1) {
            throw new InvalidParameterException("window", "must be at least one second, was '"
                    + JourneyQuery.abbreviate(value) + "'");
        }
        return window.getSeconds();
    }
}
