package com.journeyexplorer.api;

import java.time.ZoneOffset;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Trends;
import com.journeyexplorer.analysis.Trends.PeriodLength;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The selected journeys per day, week or month: outcome rates with intervals, and the periods that changed. */
@RestController
@RequestMapping("/api")
@Tag(name = "Trends")
class TrendsController {

    static final int MAX_PERIODS = 1000;
    static final int MAX_BASELINE = 52;

    static final EndpointParameters TRENDS = EndpointParameters.of(
            QueryParameter.choice("interval", PeriodLength.class, PeriodLength.WEEK, "Period length: day, week "
                    + "(from Monday) or month, in the filters' zone; at most " + MAX_PERIODS + " periods"),
            QueryParameter.integer("baseline", 1, MAX_BASELINE, 8, "Trailing periods pooled into each period's "
                    + "baseline, 1.." + MAX_BASELINE),
            QueryParameter.number("confidence", 0.5, 0.999, 0.95, "Confidence of the rates' Wilson intervals"),
            QueryParameter.alpha("Level at which a Holm-adjusted p-value flags a change"))
            .refusingShaping(EndpointParameters.RAW_TOUCHPOINTS);

    /**
     * The answer. {@code correction} names the adjustment of the p-values ({@code holm}, per rate over the
     * {@code testedPeriods}); {@code flaggedPeriods} counts the periods with a flagged rate.
     */
    record TrendsAnswer(String interval, String zone, int baselinePeriods, double confidence, double alpha,
            String test, String correction, long selected, long untimed, int testedPeriods, int flaggedPeriods,
            List<PeriodAnswer> periods) {
    }

    /**
     * One period {@code [start, end)}, local dates; {@code flagged} when any rate is; {@code stillOpen}: journeys
     * started in it that are still open, in all the data (a settling period, not tested), absent when none.
     */
    record PeriodAnswer(String start, String end, long journeys, RateAnswer purchase, RateAnswer abandonment,
            RateAnswer diversion, boolean flagged, Long stillOpen) {

        static PeriodAnswer of(Trends.Period period) {
            return new PeriodAnswer(period.start().toString(), period.end().toString(), period.journeys(),
                    RateAnswer.of(period.purchase()), RateAnswer.of(period.abandonment()),
                    RateAnswer.of(period.diversion()), period.flagged(),
                    period.stillOpen() == 0 ? null : period.stillOpen());
        }
    }

    /**
     * One rate: {@code journeys} with the outcome, {@code rate} (absent without journeys) and its interval
     * {@code [lower, upper]}; for a tested period {@code baselineRate}, {@code pValue}, {@code adjustedPValue} and
     * {@code change} ({@code up} or {@code down}, absent when not flagged).
     */
    record RateAnswer(long journeys, Double rate, double lower, double upper, Double baselineRate, Double pValue,
            Double adjustedPValue, String change) {

        static RateAnswer of(Trends.Rate rate) {
            return new RateAnswer(rate.journeys(), rate.rate(), rate.interval().lower(), rate.interval().upper(),
                    rate.baselineRate(), rate.pValue(), rate.adjustedPValue(),
                    rate.change() == null ? null : QueryParameter.label(rate.change()));
        }
    }

    private final JourneyProjection projection;

    TrendsController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/trends")
    @Operation(summary = "Outcome rates per period, with changes flagged", description = "The selected journeys by "
            + "the day, week (Monday to Sunday) or month they started, in the zone of the filters (default UTC): "
            + "per period the journeys and the purchase, abandonment and diversion rates with Wilson intervals. "
            + "A period is tested once 'baseline' periods of data precede it: each rate against the pooled rate of "
            + "those trailing periods by a two-proportion z-test, the p-values adjusted by Holm's method over the "
            + "tested periods (per rate), and a rate flagged up or down where the adjusted p-value is at most "
            + "alpha. With 'from', the first periods' baselines reach back before it. More than " + MAX_PERIODS
            + " periods is a 400 naming 'interval' (or 'from' when a range was given); path shaping does not "
            + "apply (400).")
    @DeclaredParameters("TRENDS")
    TrendsAnswer trends(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = TRENDS.read(parameters, projection);
        PeriodLength length = request.value("interval", PeriodLength.class);
        Trends trends;
        try {
            trends = Trends.of(request.snapshot(), request.selection(), length, JourneyQuery.zone(parameters),
                    request.integer("baseline"), request.number("confidence"), request.number("alpha"),
                    MAX_PERIODS);
        } catch (Trends.TooManyPeriodsException e) {
            boolean ranged = request.has("from") || request.has("to");
            // A bound the user gave is named as sent (a date, instant or local date-time), the others by the data.
            String from = JourneyQuery.single(parameters, "from");
            String to = JourneyQuery.single(parameters, "to");
            throw new InvalidParameterException(ranged ? (request.has("from") ? "from" : "to") : "interval",
                    "gives more than " + e.limit() + " " + QueryParameter.label(length) + " periods from "
                            + (from == null ? e.first() : from) + " to " + (to == null ? e.last() : to)
                            + ": choose " + switch (length) {
                                case DAY -> "a longer interval (week or month) or ";
                                case WEEK -> "a longer interval (month) or ";
                                case MONTH -> ""; // the longest there is
                            } + "a shorter range (from, to)");
        }
        List<PeriodAnswer> periods = trends.periods().stream().map(PeriodAnswer::of).toList();
        int flagged = (int) periods.stream().filter(PeriodAnswer::flagged).count();
        String zone = trends.zone().equals(ZoneOffset.UTC) ? "UTC" : trends.zone().getId();
        return new TrendsAnswer(QueryParameter.label(length), zone, trends.baselinePeriods(),
                trends.confidence(), trends.alpha(), "two-proportion z-test against the pooled trailing baseline",
                "holm", trends.selected(), trends.untimed(), trends.tested(), flagged, periods);
    }
}
