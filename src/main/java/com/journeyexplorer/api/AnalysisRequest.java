package com.journeyexplorer.api;

import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;

/**
 * An analysis request once {@link EndpointParameters#read read}: the snapshot it works on, its selection and
 * shaping, and the endpoint's own parameter values, each already checked (absent ones hold their declared default).
 *
 * @param query      the filters and shaping; null for an endpoint without filters
 * @param values     the own parameters' values by name
 * @param parameters the query string as given
 */
record AnalysisRequest(JourneySnapshot snapshot, JourneyQuery query, Map<String, Object> values,
        MultiValueMap<String, String> parameters) {

    JourneySelection selection() {
        return query.selection();
    }

    PathShaping shaping() {
        return query.shaping();
    }

    int integer(String name) {
        return (Integer) value(name);
    }

    double number(String name) {
        return (Double) value(name);
    }

    boolean bool(String name) {
        return (Boolean) value(name);
    }

    /** The value of a text parameter, stripped, or null when absent or blank. */
    String text(String name) {
        return (String) value(name);
    }

    @SuppressWarnings("unchecked")
    List<String> list(String name) {
        return (List<String>) value(name);
    }

    /** The value as its reader made it (an enum constant for a choice), or null. */
    <T> T value(String name, Class<T> type) {
        return type.cast(value(name));
    }

    /** Whether the query string gives the parameter at all (even empty). */
    boolean has(String name) {
        return parameters.containsKey(name);
    }

    private Object value(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException(name + " is not a declared parameter of this endpoint");
        }
        return values.get(name);
    }
}
