package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Counts the events each rule of an upload ({@code purchase}, {@code competitor}, {@code frustration}) matched, by
 * name, and suggests the touchpoint that a name that matched nothing probably meant. The competitor rule, which may
 * be a regular expression, is evaluated once per distinct touchpoint, not once per row.
 */
final class OutcomeRuleTally {

    private final ImportOptions options;
    /** The upload's touchpoints, stored and new: the accumulator's list, which grows as rows arrive. */
    private final List<Touchpoint> touchpoints;
    private final Map<String, long[]> purchaseMatches = new LinkedHashMap<>();
    private final Map<String, long[]> frustrationMatches = new LinkedHashMap<>();
    private final Map<String, Boolean> competitorByName = new HashMap<>();
    private final Map<String, long[]> competitorMatches = new HashMap<>();
    private long competitorEvents;

    OutcomeRuleTally(ImportOptions options, List<Touchpoint> touchpoints) {
        this.options = options;
        this.touchpoints = touchpoints;
        for (String name : options.purchases()) {
            purchaseMatches.put(name, new long[1]);
        }
        for (String name : options.frustrations()) {
            frustrationMatches.put(name, new long[1]);
        }
    }

    /** The counter of the purchase rule's name {@code touchpoint}, or null when the rule does not name it. */
    long[] purchaseCounter(String touchpoint) {
        return purchaseMatches.isEmpty() ? null : purchaseMatches.get(touchpoint);
    }

    /** The counter of the frustration rule's name {@code touchpoint}, or null when the rule does not name it. */
    long[] frustrationCounter(String touchpoint) {
        return frustrationMatches.isEmpty() ? null : frustrationMatches.get(touchpoint);
    }

    boolean isCompetitor(String touchpoint) {
        if (options.competitor() == null) {
            return false;
        }
        // One regular-expression match per distinct touchpoint, not per row.
        return competitorByName.computeIfAbsent(touchpoint, options::isCompetitor);
    }

    void countCompetitor(String touchpoint) {
        competitorEvents++;
        competitorMatches.computeIfAbsent(touchpoint, name -> new long[1])[0]++;
    }

    /** Takes back a {@link #countCompetitor} of a row refused after it was counted. */
    void uncountCompetitor(String touchpoint) {
        competitorEvents--;
        competitorMatches.get(touchpoint)[0]--;
    }

    /** What each outcome rule matched, by name, with a suggestion for a name that matched nothing. */
    List<RuleMatches> matches() {
        List<RuleMatches> rules = new ArrayList<>();
        if (!purchaseMatches.isEmpty()) {
            rules.add(byName("purchase", purchaseMatches));
        }
        if (options.competitor() != null) {
            List<RuleMatches.NameMatches> names = new ArrayList<>();
            if (options.competitorNames().isEmpty()) {
                names.add(new RuleMatches.NameMatches(options.competitor().pattern(), competitorEvents, null));
            } else {
                for (String name : options.competitorNames()) {
                    long[] matched = competitorMatches.get(name);
                    long count = matched == null ? 0 : matched[0];
                    names.add(new RuleMatches.NameMatches(name, count, count == 0 ? suggestion(name) : null));
                }
            }
            rules.add(new RuleMatches("competitor", competitorEvents, names));
        }
        if (!frustrationMatches.isEmpty()) {
            rules.add(byName("frustration", frustrationMatches));
        }
        return rules;
    }

    /** What a rule of exact names matched, by name, with a suggestion for a name that matched nothing. */
    private RuleMatches byName(String rule, Map<String, long[]> matches) {
        List<RuleMatches.NameMatches> names = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, long[]> entry : matches.entrySet()) {
            long matched = entry.getValue()[0];
            total += matched;
            names.add(new RuleMatches.NameMatches(entry.getKey(), matched,
                    matched == 0 ? suggestion(entry.getKey()) : null));
        }
        return new RuleMatches(rule, total, names);
    }

    /**
     * A known touchpoint that {@code name} probably meant: the same name in another case or spacing, or a name with a
     * comma of which {@code name} is one part. O(touchpoints).
     */
    private String suggestion(String name) {
        String folded = fold(name);
        String part = null;
        for (Touchpoint touchpoint : touchpoints) {
            String candidate = touchpoint.name();
            if (candidate.equals(name)) {
                // A stored touchpoint that this upload has no event at: nothing else to suggest.
                return null;
            }
            if (fold(candidate).equals(folded)) {
                return candidate;
            }
            if (part == null && candidate.indexOf(',') >= 0) {
                for (String piece : candidate.split(",")) {
                    if (fold(piece).equals(folded)) {
                        part = candidate;
                        break;
                    }
                }
            }
        }
        return part;
    }

    private static String fold(String name) {
        return String.join(" ", name.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }
}
