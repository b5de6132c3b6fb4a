package com.journeyexplorer.api;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Refuses query parameters an endpoint does not read, for the endpoints that do not declare theirs through
 * {@link EndpointParameters}: the uploads, whose options Spring binds from the parameters of the same names while it
 * skips any other, and the plain reads. Otherwise a misspelt option ({@code onErorr=skip}, {@code sesionGap=1h}) would
 * import with the default, and {@code /api/stats?segment=...} would answer the unfiltered counts, silently.
 */
final class KnownParameters {

    private KnownParameters() {
    }

    /**
     * Throws a 400 naming the first parameter of {@code request} that is neither a component of {@code bound} (the
     * record an upload's options are bound to) nor one of {@code others}; called before the body is read.
     */
    static void require(HttpServletRequest request, Class<? extends Record> bound, String... others) {
        Set<String> known = new TreeSet<>(Set.of(others));
        for (RecordComponent component : bound.getRecordComponents()) {
            known.add(component.getName());
        }
        require(request, known, null);
    }

    /**
     * As above, with every name the endpoint reads given, and {@code hint} (or null) added to the problem. A parameter
     * given twice is refused too, unless it is a list ({@link #REPEATABLE}): Spring would bind the values joined with
     * a comma, so {@code DELETE /api/customers?id=x&id=y} erased a customer named "x,y".
     */
    static void require(HttpServletRequest request, Set<String> known, String hint) {
        request.getParameterMap().forEach((name, values) -> {
            if (!known.contains(name)) {
                throw new InvalidParameterException(name, "is not a parameter of this endpoint (known: "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known)))
                        + (hint == null ? "" : "; " + hint) + ")");
            }
            if (values.length > 1 && !REPEATABLE.contains(name)) {
                throw InvalidParameterException.givenTwice(name, List.of(values));
            }
        });
    }

    /**
     * The list parameters of the uploads, each value one whole name ({@code purchase=Pay, now&purchase=Other},
     * {@code events=page_view&events=purchase}), rewrite rule, column of the journey's key or order column.
     */
    private static final Set<String> REPEATABLE = Set.of("purchase", "competitor", "frustration", "rewrite",
            "journeyColumn", "orderColumn", "events", "purchaseEvent", "frustrationEvent", "abandonEvent");
}
