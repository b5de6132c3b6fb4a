package com.journeyexplorer.analysis.experience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.journeyexplorer.analysis.Counted;
import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.journey.SurveyResponse;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Touchpoints ranked by what their bad experience costs, over the selected journeys:
 *
 * <pre>
 * negativeShare   = negative answers / answers at the touchpoint (0 below minResponses answers)
 * frustrationRate = min(1, frustration events / visits)
 * badExperience   = 1 - (1 - negativeShare) · (1 - frustrationRate)
 * lostShare       = journeys visiting it that were lost (abandoned or diverted) / journeys visiting it
 * cost            = badExperience · journeys · lostShare
 * </pre>
 *
 * so the cost is the number of lost journeys through the touchpoint, weighted by how likely a visit there was a bad
 * experience (a negative answer or a frustration event, taken as independent). Touchpoints with no bad experience
 * are left out. Cost: the traffic of the selection ({@link TouchpointTraffic}) plus O(responses) selection tests
 * and additions over the joined responses ({@link SelectedResponses}).
 */
public final class PainPoints {

    /**
     * Each term of the formula, the cost, and a sentence saying why the row ranks where it does; {@code stage} and
     * {@code channel} are null (left out of an answer) when the touchpoint has none, as everywhere else.
     */
    public record PainPoint(String touchpoint, String stage, String channel, long responses, Double meanScore,
            long negativeResponses, double negativeShare, long visits, long frustrationEvents,
            double frustrationRate, double badExperience, long journeys, long lostJourneys, double lostShare,
            double cost, String why) {

        public PainPoint {
            stage = stage == null || stage.isEmpty() ? null : stage;
            channel = channel == null || channel.isEmpty() ? null : channel;
        }
    }

    private PainPoints() {
    }

    public static List<PainPoint> of(JourneySnapshot snapshot, JourneySelection selection,
            List<SurveyResponse> responses, int minResponses, int limit) {
        TouchpointTraffic traffic = TouchpointTraffic.of(snapshot, selection);
        int n = snapshot.touchpoints().size();
        ScoreSummary.Tally[] tallies = new ScoreSummary.Tally[n];
        SelectedResponses selected = SelectedResponses.of(snapshot, selection, responses);
        JoinedResponses joined = selected.joined();
        for (int i : selected.indexes()) {
            int id = joined.touchpoints[i];
            if (id != JoinedResponses.NONE) {
                if (tallies[id] == null) {
                    tallies[id] = new ScoreSummary.Tally();
                }
                tallies[id].add(joined.normalized[i], joined.polarities[i], joined.nps[i]);
            }
        }
        List<PainPoint> points = new ArrayList<>();
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            int id = touchpoint.id();
            ScoreSummary.Tally tally = tallies[id];
            long answered = tally == null ? 0 : tally.count();
            long negative = tally == null ? 0 : tally.negative();
            double negativeShare = answered >= Math.max(1, minResponses) ? (double) negative / answered : 0;
            long visits = traffic.visits()[id];
            long frustrations = traffic.frustrations()[id];
            double frustrationRate = visits == 0 ? (frustrations > 0 ? 1 : 0)
                    : Math.min(1, (double) frustrations / visits);
            double bad = 1 - (1 - negativeShare) * (1 - frustrationRate);
            long journeys = traffic.journeys()[id];
            long lost = traffic.lost()[id];
            if (bad <= 0 || journeys == 0) {
                continue;
            }
            double lostShare = (double) lost / journeys;
            double cost = bad * journeys * lostShare;
            Double mean = tally == null ? null : tally.summary(1.96).meanScore();
            points.add(new PainPoint(touchpoint.name(), touchpoint.stage(), touchpoint.channel(), answered, mean,
                    negative, negativeShare, visits, frustrations, frustrationRate, bad, journeys, lost, lostShare,
                    cost, null));
        }
        points.sort(Comparator.comparingDouble(PainPoint::cost).reversed().thenComparing(PainPoint::touchpoint));
        // The sentence is written for the rows kept only: formatting one for each of thousands of pages cost more
        // than the counting.
        List<PainPoint> kept = new ArrayList<>();
        for (PainPoint p : points.subList(0, Math.min(limit, points.size()))) {
            kept.add(new PainPoint(p.touchpoint(), p.stage(), p.channel(), p.responses(), p.meanScore(),
                    p.negativeResponses(), p.negativeShare(), p.visits(), p.frustrationEvents(), p.frustrationRate(),
                    p.badExperience(), p.journeys(), p.lostJourneys(), p.lostShare(), p.cost(),
                    why(p.responses(), minResponses, p.negativeShare(), p.frustrationRate(), p.badExperience(),
                            p.journeys(), p.lostShare(), p.cost())));
        }
        return List.copyOf(kept);
    }

    private static String why(long answered, int minResponses, double negativeShare, double frustrationRate,
            double bad, long journeys, double lostShare, double cost) {
        String answers = answered == 0 ? "no answers"
                : answered < minResponses ? Counted.of(answered, "answer") + " (fewer than " + minResponses
                        + ", not counted)"
                        : percent(negativeShare) + " of " + Counted.of(answered, "answer") + " negative";
        return String.format(Locale.ROOT, "%s, %s frustration events per visit: %s bad experience × %s × "
                + "%s lost = %.1f", answers, percent(frustrationRate), percent(bad), Counted.of(journeys, "journey"),
                percent(lostShare), cost);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
