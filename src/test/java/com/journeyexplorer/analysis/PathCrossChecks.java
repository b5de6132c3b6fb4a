package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Selections and shapings that the cross-checks of the fast path analyses against {@link ObjectPathAnalyses} vary. */
final class PathCrossChecks {

    private static final JourneySelection ALL = JourneySelection.all();

    private PathCrossChecks() {
    }

    static List<JourneySelection> selections() {
        return List.of(JourneySelection.all(),
                ALL.withSegment("s1"),
                ALL.withChannel("web").withDevice("mobile"),
                ALL.withOutcome(Outcome.PURCHASE),
                ALL.withOutcome(Outcome.DIVERTED).withAttributes(Map.of("campaign", "spring")),
                ALL.withPath(null, List.of("C"), List.of("A", "B"), null),
                ALL.withPath(null, null, null, List.of("X")),
                ALL.withSegment("s2").withDevice("desktop").withOutcome(Outcome.ABANDONED)
                        .withPath(null, null, List.of("A"), null),
                ALL.withPeriod(0L, 40 * JourneyFixture.DAY));
    }

    static List<PathShaping> shapings() {
        return List.of(PathShaping.touchpoints(),
                new PathShaping(PathShaping.Level.TOUCHPOINT, true, null, null),
                new PathShaping(PathShaping.Level.TOUCHPOINT, false, 3, null),
                new PathShaping(PathShaping.Level.CHANNEL, true, 4, null),
                new PathShaping(PathShaping.Level.STAGE, false, null, null),
                new PathShaping(PathShaping.Level.TOUCHPOINT, true, 2,
                        List.of(new PathShaping.Group("Rivals", Pattern.compile("[XY]")))),
                new PathShaping(PathShaping.Level.STAGE, false, null,
                        List.of(new PathShaping.Group("(purchase)", Pattern.compile("A|buy")),
                                new PathShaping.Group("(start)", Pattern.compile("E")))));
    }

    /**
     * A small web-shop clickstream (generated, seed 7): 2,000 journeys over a site of 2,000 pages and events, of
     * which about a thousand are visited, so the analyses run on more than 256 touchpoints (sparse edge tables).
     */
    static JourneySnapshot clickstream() {
        return CLICKSTREAM;
    }

    private static final JourneySnapshot CLICKSTREAM = JourneyFixture.clickstream(7, 2_000, 2_000);

    static List<JourneySelection> clickstreamSelections() {
        return List.of(JourneySelection.all(),
                ALL.withSegment("deal seeker"),
                ALL.withDevice("mobile").withOutcome(Outcome.DIVERTED),
                ALL.withPath(null, null, List.of("Cart"), List.of("Search results")),
                ALL.withSegment("regular").withOutcome(Outcome.PURCHASE));
    }

    static List<PathShaping> clickstreamShapings() {
        return List.of(PathShaping.touchpoints(),
                new PathShaping(PathShaping.Level.TOUCHPOINT, true, 6, null),
                new PathShaping(PathShaping.Level.CHANNEL, false, null, null),
                new PathShaping(PathShaping.Level.TOUCHPOINT, true, null,
                        List.of(new PathShaping.Group("Products", Pattern.compile("Product \\d+")),
                                new PathShaping.Group("(abandoned)", Pattern.compile("Help \\d+")))));
    }

    /** A snapshot with the selections and shapings that the cross-checks of two halves against one pass run. */
    record HalvesCase(JourneySnapshot snapshot, List<JourneySelection> selections, List<PathShaping> shapings) {
    }

    /**
     * Snapshots on which counting two halves must give exactly the answer of one pass: random journeys with
     * competitors, repeated touchpoints, weights up to 4, untimed records, and open journeys (every fifth journey
     * without a purchase), and the small clickstream with open journeys too (sparse edge tables); each with the usual
     * selections, and selections that include or pick the open journeys.
     */
    static List<HalvesCase> halvesCases() {
        return HALVES_CASES;
    }

    private static final List<HalvesCase> HALVES_CASES = halvesCasesOf();

    private static List<HalvesCase> halvesCasesOf() {
        List<JourneySelection> open = List.of(ALL.withOpen(true), ALL.withOutcome(Outcome.OPEN));
        List<HalvesCase> cases = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            List<JourneySelection> selections = new ArrayList<>(selections());
            selections.addAll(open);
            selections.add(ALL.withSegment("s1").withOpen(true));
            cases.add(new HalvesCase(JourneyFixture.withOpenJourneys(JourneyFixture.varied(seed, 1_500)),
                    selections, shapings()));
        }
        List<JourneySelection> selections = new ArrayList<>(clickstreamSelections());
        selections.addAll(open);
        cases.add(new HalvesCase(JourneyFixture.withOpenJourneys(clickstream()), selections, clickstreamShapings()));
        return List.copyOf(cases);
    }
}
