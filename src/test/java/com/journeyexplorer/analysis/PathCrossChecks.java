package com.journeyexplorer.analysis;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Selections and shapings that the cross-checks of the fast path analyses against {@link ObjectPathAnalyses} vary. */
final class PathCrossChecks {

    private PathCrossChecks() {
    }

    static List<JourneySelection> selections() {
        return List.of(JourneySelection.all(),
                selection(null, null, "s1", null, null, null, Map.of(), List.of(), List.of(), List.of()),
                selection(null, null, null, "web", "mobile", null, Map.of(), List.of(), List.of(), List.of()),
                selection(null, null, null, null, null, Outcome.PURCHASE, Map.of(), List.of(), List.of(), List.of()),
                selection(null, null, null, null, null, Outcome.DIVERTED, Map.of("campaign", "spring"), List.of(),
                        List.of(), List.of()),
                selection(null, null, null, null, null, null, Map.of(), List.of("A", "B"), List.of("C"), List.of()),
                selection(null, null, null, null, null, null, Map.of(), List.of(), List.of(), List.of("X")),
                selection(null, null, "s2", null, "desktop", Outcome.ABANDONED, Map.of(), List.of("A"), List.of(),
                        List.of()),
                selection(0L, 40 * JourneyFixture.DAY, null, null, null, null, Map.of(), List.of(), List.of(),
                        List.of()));
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
                selection(null, null, "deal seeker", null, null, null, Map.of(), List.of(), List.of(), List.of()),
                selection(null, null, null, null, "mobile", Outcome.DIVERTED, Map.of(), List.of(), List.of(),
                        List.of()),
                selection(null, null, null, null, null, null, Map.of(), List.of("Cart"), List.of(),
                        List.of("Search results")),
                selection(null, null, "regular", null, null, Outcome.PURCHASE, Map.of(), List.of(), List.of(),
                        List.of()));
    }

    static List<PathShaping> clickstreamShapings() {
        return List.of(PathShaping.touchpoints(),
                new PathShaping(PathShaping.Level.TOUCHPOINT, true, 6, null),
                new PathShaping(PathShaping.Level.CHANNEL, false, null, null),
                new PathShaping(PathShaping.Level.TOUCHPOINT, true, null,
                        List.of(new PathShaping.Group("Products", Pattern.compile("Product \\d+")),
                                new PathShaping.Group("(abandoned)", Pattern.compile("Help \\d+")))));
    }

    private static JourneySelection selection(Long from, Long to, String segment, String channel, String device,
            Outcome outcome, Map<String, String> attributes, List<String> contains, List<String> endsWith,
            List<String> excludes) {
        return new JourneySelection(from, to, segment, channel, device, outcome, attributes, null, endsWith, contains,
                excludes, null);
    }
}
