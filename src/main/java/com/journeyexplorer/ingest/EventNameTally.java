package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.journeyexplorer.journey.EventType;

/**
 * Applies the rules by event name of an import ({@link EventNames}) to its rows and counts what they did: the rows
 * skipped because {@code events} does not list their name, by name, and the rows kept of each name a rule or
 * {@code events} lists. One hash look-up of the row's name per row; the skipped names are counted one by one up to
 * {@link #MAX_NAMES} distinct names, so a column of ids given by mistake cannot fill the heap.
 */
final class EventNameTally {

    /** Distinct skipped names counted by name; the rows of others are counted in the total only. */
    static final int MAX_NAMES = 10_000;
    /** Skipped names the report lists, the most frequent first. */
    static final int REPORTED_NAMES = 10;

    private final EventNames rules;
    /** Rows kept of each name {@code events} or a rule lists, in the order given. */
    private final Map<String, long[]> kept = new LinkedHashMap<>();
    private final Map<String, long[]> skipped = new HashMap<>();
    private long skippedRows;

    EventNameTally(EventNames rules) {
        this.rules = rules;
        for (Set<String> names : List.of(rules.kept(), rules.purchases(), rules.abandons(), rules.frustrations())) {
            names.forEach(name -> kept.putIfAbsent(name, new long[1]));
        }
    }

    /** The column of the names. */
    String column() {
        return rules.column();
    }

    /** The event name of {@code row}, stripped; empty when it has none. */
    String nameOf(InputRow row) {
        String name = row.get(rules.column());
        return name == null ? "" : name.strip();
    }

    /** Whether the row of event {@code name} is skipped (not listed by {@code events} nor a rule); counts it if so. */
    boolean skips(String name) {
        if (rules.keeps(name)) {
            return false;
        }
        skippedRows++;
        long[] count = skipped.get(name);
        if (count == null && skipped.size() < MAX_NAMES) {
            count = new long[1];
            skipped.put(name, count);
        }
        if (count != null) {
            count[0]++;
        }
        return true;
    }

    /** The type a rule by name gives the event of {@code name}, or null. */
    EventType typeOf(String name) {
        return rules.typeOf(name);
    }

    /** Counts an accepted row of event {@code name}. */
    void kept(String name) {
        long[] count = kept.get(name);
        if (count != null) {
            count[0]++;
        }
    }

    /** Uncounts a row of event {@code name} that {@link #kept} counted and that was refused after all. */
    void unkept(String name) {
        long[] count = kept.get(name);
        if (count != null) {
            count[0]--;
        }
    }

    long skippedRows() {
        return skippedRows;
    }

    /** The most frequent skipped names, with their rows; ties by name. */
    List<ImportReport.EventCount> skippedNames() {
        return skipped.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> -entry.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(REPORTED_NAMES).map(entry -> new ImportReport.EventCount(entry.getKey(), entry.getValue()[0]))
                .toList();
    }

    /** What the rules by name that mark outcomes and signals matched: {@code purchaseEvent}, ... in that order. */
    List<RuleMatches> matches() {
        List<RuleMatches> matches = new ArrayList<>();
        addIfGiven(matches, "purchaseEvent", rules.purchases());
        addIfGiven(matches, "abandonEvent", rules.abandons());
        addIfGiven(matches, "frustrationEvent", rules.frustrations());
        return matches;
    }

    /** What {@code events} kept, by name; empty without it. */
    List<RuleMatches> keptMatches() {
        List<RuleMatches> matches = new ArrayList<>();
        addIfGiven(matches, "events", rules.kept());
        return matches;
    }

    private void addIfGiven(List<RuleMatches> matches, String rule, Set<String> names) {
        if (names.isEmpty()) {
            return;
        }
        List<RuleMatches.NameMatches> byName = new ArrayList<>();
        long total = 0;
        for (String name : names) {
            long rows = kept.get(name)[0];
            total += rows;
            byName.add(new RuleMatches.NameMatches(name, rows, rows == 0 ? suggestion(name) : null));
        }
        matches.add(new RuleMatches(rule, total, byName));
    }

    /** A name of the rows skipped or kept that {@code name} probably meant: the same in another case or spacing. */
    private String suggestion(String name) {
        String folded = fold(name);
        for (String seen : skipped.keySet()) {
            if (fold(seen).equals(folded)) {
                return seen;
            }
        }
        for (Map.Entry<String, long[]> seen : kept.entrySet()) {
            if (seen.getValue()[0] > 0 && !seen.getKey().equals(name) && fold(seen.getKey()).equals(folded)) {
                return seen.getKey();
            }
        }
        return null;
    }

    private static String fold(String name) {
        return String.join("", name.strip().toLowerCase(Locale.ROOT).split("[\\s_$-]+"));
    }
}
