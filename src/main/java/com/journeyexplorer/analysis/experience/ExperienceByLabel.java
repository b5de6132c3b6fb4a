package com.journeyexplorer.analysis.experience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.journey.SurveyResponse;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The experience per touchpoint, stage or channel of the selected journeys: the answers' {@link ScoreSummary},
 * frustration events per 100 visits ({@code 100 · frustration events / visits}, visits being the steps there that are
 * not frustration events), and the most negative comments of negative answers. A response counts under its
 * touchpoint's label; one without a touchpoint counts under its stage (by stage) and in {@code overall} only
 * otherwise. Rows come in the order of the touchpoints (ids; a stage or channel at its first touchpoint), every label
 * with answers or visits.
 * Cost: the traffic of the selection ({@link TouchpointTraffic}) plus O(responses) selection tests and additions over
 * the joined responses ({@link SelectedResponses}), and the sort of each label's commented answers.
 */
public final class ExperienceByLabel {

    /** The rows and the summary of every selected answer. */
    public record Result(String by, ScoreSummary overall, long frustrationEvents, long visits, List<Row> labels) {
    }

    /**
     * One label: its answers, visits, frustration events and their rate per 100 visits (null without visits), and up
     * to the asked number of its most negative comments (lowest normalized score, ties to the newer), newest first.
     * Only negative answers' comments qualify (below their scale's cut-off, as {@link ScoreSummary#negativeShare}
     * counts them): with few answers the lowest-scored ones may be a promoter's or a satisfied customer's.
     */
    public record Row(String label, ScoreSummary experience, long visits, long frustrationEvents,
            Double frustrationPer100Visits, List<Comment> comments) {
    }

    private ExperienceByLabel() {
    }

    public static Result of(JourneySnapshot snapshot, JourneySelection selection, List<SurveyResponse> responses,
            PathShaping.Level by, int comments, double confidence) {
        double z = com.journeyexplorer.analysis.stats.Proportions.z(confidence);
        Map<String, Accumulated> labels = new LinkedHashMap<>();
        TouchpointTraffic traffic = TouchpointTraffic.of(snapshot, selection);
        long visits = 0;
        long frustrations = 0;
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            String label = label(touchpoint, by);
            long v = traffic.visits()[touchpoint.id()];
            long f = traffic.frustrations()[touchpoint.id()];
            visits += v;
            frustrations += f;
            if (label.isEmpty()) {
                continue;
            }
            Accumulated row = labels.computeIfAbsent(label, unused -> new Accumulated());
            row.visits += v;
            row.frustrations += f;
        }
        ScoreSummary.Tally overall = new ScoreSummary.Tally();
        SelectedResponses selected = SelectedResponses.of(snapshot, selection, responses);
        JoinedResponses joined = selected.joined();
        // The row of each touchpoint (by touchpoint or channel) or stage code (by stage), found once per request; a
        // stage that no touchpoint has is added when its first answer comes, as a label map keyed per answer would.
        Accumulated[] rowOfTouchpoint = new Accumulated[snapshot.touchpoints().size()];
        if (by != PathShaping.Level.STAGE) {
            for (Touchpoint touchpoint : snapshot.touchpoints()) {
                rowOfTouchpoint[touchpoint.id()] = labels.get(label(touchpoint, by));
            }
        }
        Accumulated[] rowOfStage = new Accumulated[joined.stageNames.length];
        for (int i : selected.indexes()) {
            overall.add(joined.normalized[i], joined.polarities[i], joined.nps[i]);
            Accumulated row = rowOf(i, by, joined, rowOfTouchpoint, rowOfStage, labels);
            if (row != null) {
                row.tally.add(joined.normalized[i], joined.polarities[i], joined.nps[i]);
            }
        }
        // The commented negative answers come most negative first (sorted with the join): each row keeps its first.
        for (int i : comments == 0 ? new int[0] : joined.negativeCommentsMostNegativeFirst) {
            if (selected.selects(joined.positions[i])) {
                Accumulated row = rowOf(i, by, joined, rowOfTouchpoint, rowOfStage, labels);
                if (row != null && row.commented.size() < comments) {
                    row.commented.add(joined.responses[i]);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        labels.forEach((label, row) -> {
            if (row.tally.count() > 0 || row.visits > 0 || row.frustrations > 0) {
                rows.add(new Row(label, row.tally.summary(z), row.visits, row.frustrations,
                        row.visits == 0 ? null : 100.0 * row.frustrations / row.visits,
                        mostNegative(row.commented, comments)));
            }
        });
        return new Result(by.name().toLowerCase(java.util.Locale.ROOT), overall.summary(z), frustrations, visits,
                rows);
    }

    /**
     * The {@code limit} lowest-scored comments of negative answers (ties to the newer), listed newest first.
     * {@link JoinedResponses} sorts the commented negative answers in the same order once per join.
     */
    static List<Comment> mostNegative(List<SurveyResponse> commented, int limit) {
        return commented.stream()
                .filter(r -> r.polarity() < 0)
                .sorted(Comparator.comparingDouble(SurveyResponse::normalized)
                        .thenComparing(Comparator.comparingLong(SurveyResponse::at).reversed())
                        .thenComparing(SurveyResponse::id))
                .limit(limit)
                .sorted(Comparator.comparingLong(SurveyResponse::at).reversed().thenComparing(SurveyResponse::id))
                .map(r -> Comment.of(r.comment(), r.scale().label(), r.score(), r.normalized(), r.at(),
                        r.journeyId()))
                .toList();
    }

    /**
     * The row that joined response {@code i} counts in, null for none: its touchpoint's (by touchpoint or channel)
     * or its stage's; a stage without a row yet gets one, after the rows there are.
     */
    private static Accumulated rowOf(int i, PathShaping.Level by, JoinedResponses joined,
            Accumulated[] rowOfTouchpoint, Accumulated[] rowOfStage, Map<String, Accumulated> labels) {
        if (by != PathShaping.Level.STAGE) {
            int touchpoint = joined.touchpoints[i];
            return touchpoint == JoinedResponses.NONE ? null : rowOfTouchpoint[touchpoint];
        }
        int stage = joined.stages[i];
        if (stage == JoinedResponses.NONE) {
            return null;
        }
        if (rowOfStage[stage] == null) {
            rowOfStage[stage] = labels.computeIfAbsent(joined.stageNames[stage], unused -> new Accumulated());
        }
        return rowOfStage[stage];
    }

    static String label(Touchpoint touchpoint, PathShaping.Level by) {
        return switch (by) {
            case TOUCHPOINT -> touchpoint.name();
            case STAGE -> touchpoint.stage();
            case CHANNEL -> touchpoint.channel();
        };
    }

    private static final class Accumulated {
        final ScoreSummary.Tally tally = new ScoreSummary.Tally();
        final List<SurveyResponse> commented = new ArrayList<>();
        long visits;
        long frustrations;
    }
}
