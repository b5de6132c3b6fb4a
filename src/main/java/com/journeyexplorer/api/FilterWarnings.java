package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import com.journeyexplorer.analysis.FilterValues;
import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;

/**
 * The warnings of a selection whose filter names a value that no journey of the store has: {@code segment},
 * {@code channel}, {@code device}, {@code attr.<name>} and {@code event.<name>}. Such a filter is valid and selects
 * nothing, so the answer stays a 200, empty; each warning names the parameter, the value and the values the store has
 * (the first {@value #MAX_KNOWN}, sorted, and how many there are), as a 404 lists the known touchpoints for an
 * unknown one. {@link EndpointParameters#read} keeps them with the request, {@link MetaWarnings} writes them in the
 * answer's {@code meta.warnings}, and {@link CompareController} those of its two sides.
 */
final class FilterWarnings {

    /** How many known values a warning lists at most. */
    static final int MAX_KNOWN = 20;

    /** The request attribute holding the warnings of the request's selection. */
    static final String ATTRIBUTE = FilterWarnings.class.getName();

    private FilterWarnings() {
    }

    /**
     * One filter value that no journey has.
     *
     * @param known      the first {@value #MAX_KNOWN} values the store has for the parameter, sorted
     * @param knownCount how many values the store has for it
     */
    record Warning(String parameter, String value, String detail, List<String> known, int knownCount) {
    }

    /**
     * The warnings of {@code selection} on {@code snapshot}, in the order of the parameters above; empty when every
     * value is one some journey (a touchpoint, for a channel) has. O(touchpoints) for a channel, the journey and
     * event values are kept with the snapshot ({@link FilterValues}).
     */
    static List<Warning> of(JourneySelection selection, JourneySnapshot snapshot) {
        return of(selection, snapshot, "");
    }

    /**
     * As {@link #of(JourneySelection, JourneySnapshot)}, each parameter named with {@code prefix} ({@code a.} for a
     * side of {@code /api/compare}).
     */
    static List<Warning> of(JourneySelection selection, JourneySnapshot snapshot, String prefix) {
        List<Warning> warnings = new ArrayList<>();
        check(warnings, prefix + "segment", selection.segment(), () -> FilterValues.segments(snapshot),
                "journey has");
        check(warnings, prefix + "channel", selection.channel(), () -> FilterValues.channels(snapshot),
                "touchpoint has");
        check(warnings, prefix + "device", selection.device(), () -> FilterValues.devices(snapshot), "journey has");
        for (Map.Entry<String, String> entry : selection.attributes().entrySet()) {
            check(warnings, prefix + "attr." + entry.getKey(), entry.getValue(),
                    () -> FilterValues.attributes(snapshot, entry.getKey()), "journey has");
        }
        for (Map.Entry<String, String> entry : selection.eventAttributes().entrySet()) {
            check(warnings, prefix + "event." + entry.getKey(), entry.getValue(),
                    () -> FilterValues.eventAttributes(snapshot, entry.getKey()), "event or journey has");
        }
        return warnings;
    }

    /**
     * Keeps {@code warnings} with the current request, after those kept before, for {@link MetaWarnings}; nothing
     * outside a request.
     */
    static void keep(List<Warning> warnings) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (warnings.isEmpty() || request == null) {
            return;
        }
        List<Warning> kept = new ArrayList<>();
        if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof List<?> before) {
            before.forEach(warning -> kept.add((Warning) warning));
        }
        kept.addAll(warnings);
        request.setAttribute(ATTRIBUTE, List.copyOf(kept), RequestAttributes.SCOPE_REQUEST);
    }

    private static void check(List<Warning> warnings, String parameter, String value,
            Supplier<List<String>> knownValues, String holder) {
        if (value == null) {
            return;
        }
        List<String> known = knownValues.get();
        if (Collections.binarySearch(known, value) >= 0) {
            return;
        }
        List<String> listed = known.subList(0, Math.min(MAX_KNOWN, known.size()));
        String detail = "No " + holder + " " + parameter + " '" + JourneyQuery.abbreviate(value) + "', so the "
                + "filter selects nothing" + (known.isEmpty() ? " (the store has no " + parameter + " value)"
                : " (values are compared exactly; known: " + String.join(", ", listed)
                        + (known.size() > MAX_KNOWN ? ", ..." : "") + ")");
        warnings.add(new Warning(parameter, value, detail, listed, known.size()));
    }
}
