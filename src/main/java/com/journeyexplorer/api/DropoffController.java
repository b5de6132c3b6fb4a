package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.Dropoff;
import com.journeyexplorer.analysis.Dropoff.TouchpointExits;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Where the selected journeys leave: to abandonment or to a competitor, per touchpoint. */
@RestController
@RequestMapping("/api")
@Tag(name = "Exits")
class DropoffController {

    static final int MAX_LIMIT = 1000;

    /** What the touchpoints are ranked by, most first, ties by touchpoint name. */
    enum RankBy {
        EXITS(Comparator.comparingLong(TouchpointExits::exits)),
        ABANDONMENT(Comparator.comparingLong(TouchpointExits::toAbandonment)),
        COMPETITORS(Comparator.comparingLong(TouchpointExits::toCompetitors)),
        EXIT_RATE(Comparator.comparingDouble(TouchpointExits::exitRate));

        private final Comparator<TouchpointExits> order;

        RankBy(Comparator<TouchpointExits> ascending) {
            this.order = ascending.reversed().thenComparing(TouchpointExits::touchpoint);
        }
    }

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
    record DropoffResponse(long total, List<TouchpointExit> touchpoints) {
    }

    private final JourneyProjection projection;

    DropoffController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/dropoff")
    @Operation(summary = "Exits per touchpoint", description = "Per raw touchpoint over whole journeys: journeys "
            + "visiting it, toAbandonment (abandoned journeys ending there), toCompetitors (journeys going from it "
            + "straight to a competitor touchpoint, or ending diverted on it), exits (their sum) and the rates over "
            + "journeys. Touchpoints no selected journey visits are left out. Path shaping does not apply (400).")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many touchpoints to list, 1..1000",
            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "20"))
    @Parameter(name = "rankBy", in = ParameterIn.QUERY, description = "Ranking, most first",
            schema = @Schema(allowableValues = { "exits", "abandonment", "competitors", "exit-rate" },
                    defaultValue = "exits"))
    @JourneyFilterParameters
    DropoffResponse dropoff(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        int limit = JourneyQuery.integer(parameters, "limit", 1, MAX_LIMIT, 20);
        RankBy rankBy = JourneyQuery.choice(parameters, "rankBy", RankBy.class);
        JourneyQuery query = JourneyQuery.of(parameters, Set.of("limit", "rankBy")).rejectShaping();
        JourneySnapshot snapshot = projection.current();
        query.requireKnownTouchpoints(snapshot);
        Dropoff all = Dropoff.of(snapshot, query.selection(), Integer.MAX_VALUE);
        List<TouchpointExits> ranked = new ArrayList<>(all.touchpoints());
        ranked.sort((rankBy == null ? RankBy.EXITS : rankBy).order);
        return new DropoffResponse(all.total(), ranked.subList(0, Math.min(limit, ranked.size())).stream()
                .map(TouchpointExit::of).toList());
    }
}
