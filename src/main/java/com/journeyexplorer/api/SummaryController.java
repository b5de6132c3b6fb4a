package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.SelectionSummary;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.journey.Outcome;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The plain facts of a selection, counted over every journey, and what the data lacks. */
@RestController
@RequestMapping("/api")
@Tag(name = "Insights")
class SummaryController {

    static final int MAX_TOP = 50;

    static final EndpointParameters SUMMARY = EndpointParameters.of(
            QueryParameter.integer("top", 0, MAX_TOP, 5, "Labels listed per ranking, 0.." + MAX_TOP));

    private final JourneyProjection projection;

    SummaryController(JourneyProjection projection) {
        this.projection = projection;
    }

    /** Something the data set does not have, what it keeps from being answered, and how to import it. */
    record Lack(String data, String detail, String toGetIt) {
    }

    /** {@link SelectionSummary}'s fields, then {@code lacks}: what the whole data set has none of. */
    record SummaryAnswer(long journeys, Map<Outcome, Long> outcomes, int touchpointsVisited,
            SelectionSummary.Ranking firstSteps, SelectionSummary.Ranking endsWithoutPurchase,
            SelectionSummary.Ranking seenBeforePurchase, SelectionSummary.Ranking competitors,
            SelectionSummary.Coverage data, List<Lack> lacks) {
    }

    @GetMapping("/summary")
    @Operation(summary = "The plain facts of a selection, and what the data lacks", description = "Counted over "
            + "every selected journey, nothing pruned: outcomes; touchpointsVisited, the distinct touchpoints the "
            + "selected journeys visit (raw touchpoints, whatever the level); the first steps (distinct count and "
            + "the most frequent, with their purchases); where journeys without a purchase end; what purchasing "
            + "journeys see before their purchase; the competitor touchpoints visited. 'data' counts what the whole "
            + "data set holds (touchpoints with a channel, with a stage, competitor touchpoints, purchases) and "
            + "'lacks' names each missing kind (purchases, stages, channels, competitors) and what to import to get "
            + "it. Shaping (level, group) labels the steps.")
    @DeclaredParameters("SUMMARY")
    SummaryAnswer summary(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = SUMMARY.read(parameters, projection);
        SelectionSummary summary = SelectionSummary.of(request.snapshot(), request.selection(), request.shaping(),
                request.integer("top"));
        return new SummaryAnswer(summary.journeys(), summary.outcomes(), summary.touchpointsVisited(),
                summary.firstSteps(), summary.endsWithoutPurchase(), summary.seenBeforePurchase(),
                summary.competitors(), summary.data(), lacks(summary.data()));
    }

    static List<Lack> lacks(SelectionSummary.Coverage data) {
        List<Lack> lacks = new ArrayList<>();
        if (data.journeys() == 0) {
            return lacks;
        }
        if (data.purchases() == 0) {
            lacks.add(new Lack("purchases", "No journey ends in a purchase, so there is no conversion rate, "
                    + "attribution, key moment or path to purchase.", "Import purchase events: a type column with "
                    + "'purchase' (typeColumn=<column>), or name the touchpoints that are purchases with "
                    + "purchase=<touchpoint> on import."));
        }
        if (data.withStage() == 0) {
            lacks.add(new Lack("stages", "No touchpoint has a stage, so there is no stage funnel or level=stage.",
                    "Import a stage column (awareness, consideration, purchase, loyalty, advocacy), "
                            + "stageColumn=<column> if it has another name."));
        }
        if (data.withChannel() == 0) {
            lacks.add(new Lack("channels", "No touchpoint has a channel, so there is no level=channel, channel "
                    + "filter or channel attribution.", "Import a channel column (social, search, email, ...), "
                    + "channelColumn=<column> if it has another name."));
        }
        if (data.competitorTouchpoints() == 0) {
            lacks.add(new Lack("competitors", "No touchpoint is a competitor's, so no journey can be seen leaving "
                    + "for a competitor.", "Import an owner column with 'competitor' (ownerColumn=<column>), or "
                    + "name competitor touchpoints with competitor=<names or regular expression> on import."));
        }
        return lacks;
    }
}
