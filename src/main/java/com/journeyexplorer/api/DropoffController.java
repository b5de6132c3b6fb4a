package com.journeyexplorer.api;

import java.util.List;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Dropoff;
import com.journeyexplorer.analysis.Dropoff.TouchpointExits;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Where the selected journeys leave: to abandonment or to a competitor, per touchpoint. */
@RestController
@RequestMapping("/api")
@Tag(name = "Exits")
class DropoffController {

    static final int MAX_LIMIT = 1000;

    /**
     * One touchpoint's exits; {@code owner} is {@code own} or {@code competitor}, as in /api/touchpoints; {@code stage}
     * null (absent) when the touchpoint has none.
     */
    record TouchpointExit(String touchpoint, String stage, String owner, long journeys, long toAbandonment,
            long toCompetitors, long exits, double abandonmentRate, double competitorRate, double exitRate) {

        TouchpointExit {
            stage = JsonText.absentIfEmpty(stage);
        }

        static TouchpointExit of(TouchpointExits t) {
            return new TouchpointExit(t.touchpoint(), t.stage(), t.owner().label(), t.journeys(), t.toAbandonment(),
                    t.toCompetitors(), t.exits(), t.abandonmentRate(), t.competitorRate(), t.exitRate());
        }
    }

    /** {@code total}: selected journeys; {@code touchpoints}: the ranked ones, at most {@code limit}. */
    record DropoffAnswer(long total, List<TouchpointExit> touchpoints) {
    }

    /** Journeys a touchpoint needs to rank by its exit rate unless {@code minJourneys} says otherwise. */
    static final int MIN_JOURNEYS_FOR_RATES = 30;

    static final EndpointParameters DROPOFF = EndpointParameters.of(
            QueryParameter.integer("limit", 1, MAX_LIMIT, 20, "How many touchpoints to list, 1.." + MAX_LIMIT),
            QueryParameter.choice("rankBy", Dropoff.Ranking.class, Dropoff.Ranking.EXITS, "Ranking, most first"),
            QueryParameter.integer("minJourneys", 1, Integer.MAX_VALUE, null, "Leave out touchpoints fewer "
                    + "selected journeys visit; default " + MIN_JOURNEYS_FOR_RATES + " with rankBy=exit-rate (a page "
                    + "one journey saw and left has an exit rate of 1), else 1"),
            QueryParameter.text("touchpoint", "Only this touchpoint's row, whatever its rank (a store of thousands "
                    + "of touchpoints has more than limit); 404 when no touchpoint has the name").example("Cart"))
            .refusingShaping(EndpointParameters.RAW_TOUCHPOINTS);

    private final JourneyProjection projection;

    DropoffController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/dropoff")
    @Operation(summary = "Exits per touchpoint", description = "Per raw touchpoint over whole journeys: journeys "
            + "visiting it, toAbandonment (abandoned journeys ending there), toCompetitors (journeys going from it "
            + "straight to a competitor touchpoint, or ending diverted on it), exits (their sum) and the rates over "
            + "journeys. Touchpoints no selected journey visits are left out, and those fewer than minJourneys visit; "
            + "touchpoint lists that one alone. "
            + "Path shaping does not apply (400).")
    @DeclaredParameters("DROPOFF")
    DropoffAnswer dropoff(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = DROPOFF.read(parameters, projection);
        Dropoff.Ranking ranking = request.value("rankBy", Dropoff.Ranking.class);
        Integer given = request.value("minJourneys", Integer.class);
        int minJourneys = given != null ? given : ranking == Dropoff.Ranking.EXIT_RATE ? MIN_JOURNEYS_FOR_RATES : 1;
        String only = request.text("touchpoint");
        if (only != null && request.snapshot().touchpoint(only).isEmpty()) {
            throw new NotFoundException("touchpoint", only, "touchpoint",
                    JourneyQuery.knownTouchpoints(request.snapshot()));
        }
        Dropoff ranked = Dropoff.of(request.snapshot(), request.selection(), ranking, Integer.MAX_VALUE);
        return new DropoffAnswer(ranked.total(), ranked.touchpoints().stream()
                .filter(touchpoint -> only == null || touchpoint.touchpoint().equals(only))
                .filter(touchpoint -> touchpoint.journeys() >= minJourneys)
                .limit(request.integer("limit"))
                .map(TouchpointExit::of).toList());
    }
}
