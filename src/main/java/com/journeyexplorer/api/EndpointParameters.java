package com.journeyexplorer.api;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyProjection;

/**
 * The query parameters of one analysis endpoint, declared once: its own {@link QueryParameter}s, whether it takes
 * the journey filters ({@link JourneyQuery#FILTERS}), and which path shaping ({@link JourneyQuery#SHAPING}) it
 * refuses and why. {@link #read} is the one preamble every analysis endpoint runs: every parameter read and checked
 * (a 400 naming the first bad one), the snapshot taken once, the selection's touchpoints checked against it (404),
 * a filter value that no journey has kept as a warning for the answer's {@code meta} ({@link FilterWarnings});
 * the time budget is started for the whole request by {@link RequestBounds}. {@link #documented()} is the OpenAPI
 * description of the same parameters, which {@link DeclaredParametersDocumentation} puts on the endpoint named by
 * {@link DeclaredParameters}.
 *
 * <p>An endpoint parameter named like a filter or shaping parameter replaces it (its own meaning, its own
 * description): {@code outcome} on {@code /api/paths/likely} names the target, not a filter.
 */
final class EndpointParameters {

    /** What a raw-touchpoint analysis answers for a shaping parameter. */
    static final String RAW_TOUCHPOINTS = "does not apply here: this analysis works on raw touchpoints over whole "
            + "journeys, without path shaping";

    private final List<QueryParameter> own;
    private final boolean filters;
    private final Set<String> refusedShaping;
    private final String refusal;
    private final String unknownHint;

    private EndpointParameters(List<QueryParameter> own, boolean filters, Set<String> refusedShaping, String refusal,
            String unknownHint) {
        this.own = List.copyOf(own);
        this.filters = filters;
        this.refusedShaping = Collections.unmodifiableSet(new LinkedHashSet<>(refusedShaping));
        this.refusal = refusal;
        this.unknownHint = unknownHint;
    }

    /** {@code own} parameters plus the journey filters and the path shaping. */
    static EndpointParameters of(QueryParameter... own) {
        return new EndpointParameters(List.of(own), true, Set.of(), null, null);
    }

    /**
     * {@code own} parameters only, no filters or shaping: any other name is a 400 whose detail ends with {@code hint}
     * (e.g. where the filters go instead).
     */
    static EndpointParameters only(String hint, QueryParameter... own) {
        return new EndpointParameters(List.of(own), false, Set.of(), null, hint);
    }

    /**
     * The same endpoint refusing the path shaping parameters {@code names} (all of them when none are named) with a
     * 400 naming the parameter: "Parameter 'level' " + {@code reason}. A refused parameter stays a known name (the
     * problem says why it does not apply rather than that it does not exist) and is left out of the OpenAPI
     * description.
     */
    EndpointParameters refusingShaping(String reason, String... names) {
        Set<String> refused = names.length == 0 ? JourneyQuery.names(JourneyQuery.SHAPING) : Set.of(names);
        return new EndpointParameters(own, filters, refused, reason, unknownHint);
    }

    /**
     * Reads the request against the current snapshot (whose names tell a list's value that is one name with commas
     * from a comma list): the unknown-parameter check, each own parameter in declared order, the shaping refusal, the
     * filters and shaping; then checks the selection's touchpoints and the shaping level against it (404, 422).
     */
    AnalysisRequest read(MultiValueMap<String, String> parameters, JourneyProjection projection) {
        JourneySnapshot snapshot = projection.current();
        Values values = readValues(parameters, snapshot);
        if (values.query() != null) {
            values.query().requireKnownTouchpoints(snapshot);
            FilterWarnings.keep(FilterWarnings.of(values.query().selection(), snapshot));
        }
        return new AnalysisRequest(snapshot, values.query(), values.values(), parameters);
    }

    /**
     * As {@link #read}, the filters and shaping only and their touchpoints not checked yet, for a query string nested
     * in another parameter (a side of {@code /api/compare}).
     */
    JourneyQuery readQuery(MultiValueMap<String, String> parameters, JourneySnapshot snapshot) {
        return readValues(parameters, snapshot).query();
    }

    private record Values(JourneyQuery query, Map<String, Object> values) {
    }

    private Values readValues(MultiValueMap<String, String> parameters, JourneySnapshot snapshot) {
        Set<String> ownNames = new LinkedHashSet<>();
        own.forEach(parameter -> ownNames.add(parameter.name()));
        if (filters) {
            JourneyQuery.requireKnown(parameters, ownNames);
        } else {
            requireOwn(parameters, ownNames);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (QueryParameter parameter : own) {
            if (parameter.reader() != null) {
                values.put(parameter.name(), parameter.reader().read(parameters, parameter.name(), snapshot));
            }
        }
        for (String name : refusedShaping) {
            if (parameters.containsKey(name) && !ownNames.contains(name)) {
                throw new InvalidParameterException(name, refusal);
            }
        }
        if (!filters) {
            return new Values(null, values);
        }
        MultiValueMap<String, String> common = parameters;
        if (ownNames.stream().anyMatch(JourneyQuery.COMMON_PARAMETERS::contains)) {
            common = new LinkedMultiValueMap<>(parameters);
            common.keySet().removeAll(ownNames);
        }
        return new Values(JourneyQuery.read(common, JourneyQuery.touchpointNames(snapshot)), values);
    }

    private void requireOwn(MultiValueMap<String, String> parameters, Set<String> ownNames) {
        for (String name : parameters.keySet()) {
            if (!ownNames.contains(name)) {
                throw new InvalidParameterException(name, "is not a parameter of this endpoint (known: "
                        + String.join(", ", new TreeSet<>(ownNames)) + (unknownHint == null ? "" : "; " + unknownHint)
                        + ")");
            }
        }
    }

    /**
     * The parameters as the OpenAPI description lists them: the endpoint's own in declared order, then the filters
     * and the shaping it takes (those it replaces or refuses left out).
     */
    List<QueryParameter> documented() {
        List<QueryParameter> documented = new ArrayList<>(own);
        if (filters) {
            Set<String> ownNames = new LinkedHashSet<>();
            own.forEach(parameter -> ownNames.add(parameter.name()));
            for (QueryParameter parameter : JourneyQuery.FILTERS) {
                if (!ownNames.contains(parameter.name())) {
                    documented.add(parameter);
                }
            }
            for (QueryParameter parameter : JourneyQuery.SHAPING) {
                if (!ownNames.contains(parameter.name()) && !refusedShaping.contains(parameter.name())) {
                    documented.add(parameter);
                }
            }
        }
        return documented;
    }

    /** The declaration in the static field {@code field} of {@code type}, as {@link DeclaredParameters} names it. */
    static EndpointParameters declaredBy(Class<?> type, String field) {
        try {
            Field declared = type.getDeclaredField(field);
            if (!Modifier.isStatic(declared.getModifiers()) || declared.getType() != EndpointParameters.class) {
                throw new IllegalStateException(type.getSimpleName() + "." + field
                        + " is not a static EndpointParameters");
            }
            declared.setAccessible(true);
            return (EndpointParameters) declared.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException("@DeclaredParameters(\"" + field + "\") on " + type.getSimpleName()
                    + " names no readable static field", e);
        }
    }
}
