package com.journeyexplorer.ingest;

import java.util.List;

/**
 * How many events of an upload a rule ({@code purchase}, {@code competitor} or {@code frustration}) matched, in all
 * and by name.
 *
 * @param rule          {@code purchase}, {@code competitor} or {@code frustration}
 * @param matchedEvents valid rows of the upload whose touchpoint the rule matched
 * @param names         each touchpoint name of the rule (or its regular expression) with the events it matched
 */
public record RuleMatches(String rule, long matchedEvents, List<NameMatches> names) {

    public RuleMatches {
        names = List.copyOf(names);
    }

    /**
     * @param name          a name (or regular expression) of the rule
     * @param matchedEvents rows it matched
     * @param suggestion    a touchpoint the name may have meant when it matched nothing (other case or spacing, or a
     *                      name with a comma that a comma list split), or null
     */
    public record NameMatches(String name, long matchedEvents, String suggestion) {
    }
}
