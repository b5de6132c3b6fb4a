package com.journeyexplorer.api;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.TimeToConvert;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.journey.Touchpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** How long the selected journeys take from a start (first touch, or a touchpoint) to a purchase or a touchpoint. */
@RestController
@RequestMapping("/api")
@Tag(name = "Trends")
class TimeToConvertController {

    static final int MAX_SEGMENTS = 100;

    static final EndpointParameters TIME_TO_CONVERT = EndpointParameters.of(
            QueryParameter.text("fromTouchpoint", "Start at the journey's first visit to this touchpoint (journeys "
                    + "never visiting it are counted as notStarted); default: the journey's first event")
                    .example("Cart"),
            QueryParameter.text("toTouchpoint", "Convert at the first visit to this touchpoint after the start; "
                    + "default: the first purchase").example("Checkout - payment"),
            QueryParameter.integer("segments", 0, MAX_SEGMENTS, 20, "Segments listed at most, most started "
                    + "journeys first, 0.." + MAX_SEGMENTS))
            .refusingShaping(EndpointParameters.RAW_TOUCHPOINTS);

    private final JourneyProjection projection;

    TimeToConvertController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/time-to-convert")
    @Operation(summary = "Time to convert: percentiles and histogram", description = "From each selected journey's "
            + "start (its first event, or its first visit to fromTouchpoint) to its conversion (its first purchase "
            + "at or after the start, or its first visit to toTouchpoint after it): started, converted and "
            + "notConverted journeys, conversionRate, meanSeconds, the exact nearest-rank percentiles p50, p75, p90, "
            + "p95, p99 (seconds) and a histogram on log-spaced bins (edges 10^(k/2) s for k = 0..14, so 1 s, "
            + "3.16 s, 10 s, ... 10^7 s; the first bin from 0, the last open-ended); the same per segment. Untimed "
            + "records (aggregated paths) are counted apart. An unknown touchpoint is a 400 naming the parameter; "
            + "path shaping does not apply (400).")
    @DeclaredParameters("TIME_TO_CONVERT")
    TimeToConvert timeToConvert(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = TIME_TO_CONVERT.read(parameters, projection);
        JourneySnapshot snapshot = request.snapshot();
        String from = known(snapshot, request, "fromTouchpoint");
        String to = known(snapshot, request, "toTouchpoint");
        return TimeToConvert.of(snapshot, request.selection(), from, to, request.integer("segments"));
    }

    /** The touchpoint named by parameter {@code name}, or null when absent; 400 naming it when the data lacks it. */
    private static String known(JourneySnapshot snapshot, AnalysisRequest request, String name) {
        String touchpoint = request.text(name);
        if (request.has(name) && touchpoint == null) {
            throw new InvalidParameterException(name, "must name a touchpoint, was empty");
        }
        if (touchpoint != null && snapshot.touchpoint(touchpoint).isEmpty()) {
            // Names are case-sensitive; a name that differs only in case gets the stored spelling, as in /api/outcomes.
            String stored = snapshot.touchpoints().stream().map(Touchpoint::name)
                    .filter(candidate -> candidate.equalsIgnoreCase(touchpoint)).findFirst().orElse(null);
            throw new InvalidParameterException(name, "names no touchpoint of the data: '"
                    + JourneyQuery.abbreviate(touchpoint) + "' (" + (stored == null ? "see /api/touchpoints"
                            : "names are case-sensitive: did you mean '" + stored + "'?") + ")");
        }
        return touchpoint;
    }
}
