package com.journeyexplorer.api;

import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Refuses query parameters an upload endpoint does not read. Spring binds an upload's options from the parameters of
 * the same names and skips any other, so a misspelt option ({@code onErorr=skip}, {@code sesionGap=1h}) would import
 * with the default instead, silently; the analysis endpoints refuse unknown names the same way
 * ({@link EndpointParameters}).
 */
final class UploadParameters {

    private UploadParameters() {
    }

    /**
     * Throws a 400 naming the first parameter of {@code request} that is neither a component of {@code bound} (the
     * record the options are bound to) nor one of {@code others}; checked before the body is read.
     */
    static void requireKnown(HttpServletRequest request, Class<? extends Record> bound, String... others) {
        Set<String> known = new TreeSet<>(Set.of(others));
        for (RecordComponent component : bound.getRecordComponents()) {
            known.add(component.getName());
        }
        requireKnown(request, known);
    }

    /** As above, with every name the endpoint reads given. */
    static void requireKnown(HttpServletRequest request, Set<String> known) {
        for (String name : request.getParameterMap().keySet()) {
            if (!known.contains(name)) {
                throw new InvalidParameterException(name, "is not a parameter of this endpoint (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }
}
