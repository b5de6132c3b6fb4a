package com.journeyexplorer.ingest;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import com.journeyexplorer.journey.EventType;

/**
 * The rules of an import by the event's name, for web-analytics exports with one row per event, its name in one
 * column (GA4's {@code event_name}, PostHog's {@code event}, Amplitude's {@code event_type}) and the page in another:
 * which rows become steps, and which are purchases, abandons or frustration signals whatever their page.
 *
 * <p>A row whose name a rule names is kept even when {@code kept} does not list it. Its type is the strongest of the
 * type column's, the rules by name and the rules by touchpoint ({@code purchase}, {@code frustration}): a purchase
 * wins over an abandon, an abandon over a frustration signal, a frustration signal over a plain touchpoint event.
 *
 * @param column       the column of the event's name ({@code eventColumn}), or null: no rule by name
 * @param kept         the names whose rows become steps ({@code events}); empty: every row, as without the column
 * @param purchases    the names of purchase events at their touchpoint ({@code purchaseEvent})
 * @param frustrations the names of frustration signals at their own touchpoint ({@code frustrationEvent})
 * @param abandons     the names of abandon events at their touchpoint ({@code abandonEvent})
 */
public record EventNames(String column, Set<String> kept, Set<String> purchases, Set<String> frustrations,
        Set<String> abandons) {

    /** No column, no rule: every row is a step, its type given by the type column and the touchpoint rules. */
    public static final EventNames NONE = new EventNames(null, null, null, null, null);

    public EventNames {
        column = column == null || column.isBlank() ? null : column;
        kept = copy(kept);
        purchases = copy(purchases);
        frustrations = copy(frustrations);
        abandons = copy(abandons);
        if (column == null && !(kept.isEmpty() && purchases.isEmpty() && frustrations.isEmpty()
                && abandons.isEmpty())) {
            throw new IllegalArgumentException("the rules by event name need the column of the names");
        }
    }

    private static Set<String> copy(Set<String> names) {
        return names == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /** Whether these are no rules at all: no column is read for them. */
    public boolean isNone() {
        return column == null;
    }

    /** Whether the rows of {@code name} become steps: every row without {@code events}, else a listed or ruled name. */
    boolean keeps(String name) {
        return kept.isEmpty() || kept.contains(name) || typeOf(name) != null;
    }

    /** The type a rule by name gives the events of {@code name}, or null when none names it. */
    EventType typeOf(String name) {
        if (purchases.contains(name)) {
            return EventType.PURCHASE;
        }
        if (abandons.contains(name)) {
            return EventType.ABANDON;
        }
        return frustrations.contains(name) ? EventType.FRUSTRATION : null;
    }

    /**
     * The stronger of two types: purchase, then abandon, then frustration, then touchpoint; so that any rule or the
     * type column may mark a purchase, and a rule never turns a purchase into something else.
     */
    static EventType stronger(EventType a, EventType b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(EventType type) {
        return switch (type) {
            case PURCHASE -> 3;
            case ABANDON -> 2;
            case FRUSTRATION -> 1;
            case TOUCHPOINT -> 0;
        };
    }
}
