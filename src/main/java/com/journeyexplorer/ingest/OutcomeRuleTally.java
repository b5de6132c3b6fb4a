package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.journeyexplorer.journey.NamePattern;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Counts the events each rule of an upload ({@code purchase}, {@code competitor}, {@code frustration}) matched, by
 * name, and suggests the touchpoint that a name that matched nothing probably meant. The competitor rule, which may
 * be a regular expression, is evaluated once per distinct touchpoint, not once per row.
 *
 * <p>With cleaned names ({@link TouchpointCleaning}), a rule's name matches the events whose name cleans to it, and
 * those whose name cleans to what the rule's name cleans to: {@code purchase=https://shop.example/thanks?order=1}
 * names every event of the page {@code /thanks} under {@code urls=path}. A competitor's regular expression matches the
 * cleaned name or the name as written, each name matched once.
 */
final class OutcomeRuleTally {

    private final ImportOptions options;
    /** The upload's touchpoints, stored and new: the accumulator's list, which grows as rows arrive. */
    private final List<Touchpoint> touchpoints;
    private final Map<String, long[]> purchaseMatches = new LinkedHashMap<>();
    private final Map<String, long[]> frustrationMatches = new LinkedHashMap<>();
    /** The counters of the rules by the names they match: their own, and the names those clean to. */
    private final Map<String, long[]> purchaseLookup;
    private final Map<String, long[]> frustrationLookup;
    /**
     * The competitor rule keeping its answers by name (null without one): a touchpoint, and a page address as written
     * before cleaning changed it, repeat on many rows, and each is matched once.
     */
    private final NamePattern competitor;
    private final Map<String, long[]> competitorMatches = new HashMap<>();
    private long competitorEvents;

    OutcomeRuleTally(ImportOptions options, List<Touchpoint> touchpoints) {
        this.options = options;
        this.touchpoints = touchpoints;
        this.competitor = options.competitor() == null ? null : options.competitor().rememberingAnswers();
        for (String name : options.purchases()) {
            purchaseMatches.put(name, new long[1]);
        }
        for (String name : options.frustrations()) {
            frustrationMatches.put(name, new long[1]);
        }
        purchaseLookup = withCleanedNames(purchaseMatches, options.cleaning());
        frustrationLookup = withCleanedNames(frustrationMatches, options.cleaning());
    }

    /** {@code matches} with each name's counter under the name it cleans to as well, unless a name of its own. */
    private static Map<String, long[]> withCleanedNames(Map<String, long[]> matches, TouchpointCleaning cleaning) {
        if (cleaning.isNone() || matches.isEmpty()) {
            return matches;
        }
        Map<String, long[]> lookup = new HashMap<>(matches);
        matches.forEach((name, counter) -> lookup.putIfAbsent(cleaning.apply(name), counter));
        return lookup;
    }

    /** The counter of the purchase rule's name {@code touchpoint}, or null when the rule does not name it. */
    long[] purchaseCounter(String touchpoint) {
        return purchaseLookup.isEmpty() ? null : purchaseLookup.get(touchpoint);
    }

    /** The counter of the frustration rule's name {@code touchpoint}, or null when the rule does not name it. */
    long[] frustrationCounter(String touchpoint) {
        return frustrationLookup.isEmpty() ? null : frustrationLookup.get(touchpoint);
    }

    boolean isCompetitor(String touchpoint) {
        return competitor != null && competitor.matches(touchpoint);
    }

    /**
     * Whether the competitor rule names the event of touchpoint {@code touchpoint}, whose name was {@code written}
     * before cleaning: a regular expression matches either.
     */
    boolean isCompetitor(String touchpoint, String written) {
        if (isCompetitor(touchpoint)) {
            return true;
        }
        return written != touchpoint && options.competitorNames().isEmpty() && competitor != null
                && !written.equals(touchpoint) && competitor.matches(written);
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
                names.add(new RuleMatches.NameMatches(options.competitor().regex(), competitorEvents, null));
            } else {
                // Each name with what it cleans to, as the rule was built: the rewrite rules do not run again.
                for (Map.Entry<String, String> competitorName : options.competitorNames().entrySet()) {
                    String name = competitorName.getKey();
                    long count = competitorCount(name);
                    if (!competitorName.getValue().equals(name)) {
                        count += competitorCount(competitorName.getValue());
                    }
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

    private long competitorCount(String touchpoint) {
        long[] matched = competitorMatches.get(touchpoint);
        return matched == null ? 0 : matched[0];
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
