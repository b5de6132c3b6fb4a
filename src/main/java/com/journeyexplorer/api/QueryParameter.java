package com.journeyexplorer.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.util.MultiValueMap;

import com.journeyexplorer.analysis.JourneySnapshot;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * One query parameter of an endpoint, declared once: its name, what it takes (type, bounds, allowed values, default),
 * its description, and how its value is read. From this come the value the endpoint gets (validated, a 400 naming the
 * parameter when malformed), the parameter's place among the endpoint's known names, and its OpenAPI description
 * ({@link #openApi()}).
 *
 * @param type     the OpenAPI schema type; null for free text described without a schema
 * @param minimum  the smallest value allowed, or null; likewise {@code maximum} (left out of the OpenAPI description
 *                 when it is {@link Integer#MAX_VALUE}, i.e. unbounded)
 * @param allowed  the values a choice takes, as the API spells them; empty for other parameters
 * @param reader   reads and validates the value from the whole query string and the snapshot the request works on;
 *                 null for the journey filters and path shaping, which {@link JourneyQuery} reads together (the
 *                 dates depend on {@code zone})
 */
record QueryParameter(String name, String description, String type, Number minimum, Number maximum,
        Object defaultValue, List<String> allowed, String example, boolean required, SnapshotReader reader) {

    /** Reads the value of parameter {@code name}; throws {@link InvalidParameterException} naming it when bad. */
    @FunctionalInterface
    interface Reader {
        Object read(MultiValueMap<String, String> parameters, String name);
    }

    /**
     * As {@link Reader}, for a value that depends on the stored data: a list whose values may be stored names with
     * commas ({@link JourneyQuery#list}).
     */
    @FunctionalInterface
    interface SnapshotReader {
        Object read(MultiValueMap<String, String> parameters, String name, JourneySnapshot snapshot);
    }

    QueryParameter {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        allowed = List.copyOf(allowed);
    }

    /** A whole number in {@code [min, max]}; {@code defaultValue} when absent (null: none). */
    static QueryParameter integer(String name, int min, int max, Integer defaultValue, String description) {
        return new QueryParameter(name, description, "integer", min, max, defaultValue, List.of(), null, false,
                (parameters, n, snapshot) -> JourneyQuery.integer(parameters, n, min, max, defaultValue));
    }

    /** A number in {@code [min, max]}; {@code defaultValue} when absent. */
    static QueryParameter number(String name, double min, double max, double defaultValue, String description) {
        return new QueryParameter(name, description, "number", min, max, defaultValue, List.of(), null, false,
                (parameters, n, snapshot) -> JourneyQuery.decimal(parameters, n, min, max, defaultValue));
    }

    /**
     * The significance level {@code alpha} of every endpoint that flags findings by an adjusted p-value, in one range
     * so that one value means the same everywhere: 0.001 matches the highest confidence the intervals take (0.999),
     * and above 0.2 more than one in five tests of pure noise would pass before the correction, a screen rather than
     * a finding. 0.05 when absent.
     */
    static QueryParameter alpha(String description) {
        return number("alpha", 0.001, 0.2, 0.05, description + ", 0.001..0.2");
    }

    /** {@code true|yes|1} or {@code false|no|0}; {@code defaultValue} when absent. */
    static QueryParameter bool(String name, boolean defaultValue, String description) {
        return new QueryParameter(name, description, "boolean", null, null, defaultValue, List.of(), null, false,
                (parameters, n, snapshot) -> JourneyQuery.bool(parameters, n, defaultValue));
    }

    /**
     * One of the constants of {@code type}, spelled in lower case with {@code -} for {@code _} ({@code exit-rate});
     * {@code defaultValue} when absent.
     */
    static <E extends Enum<E>> QueryParameter choice(String name, Class<E> type, E defaultValue, String description) {
        List<String> labels = Arrays.stream(type.getEnumConstants()).map(QueryParameter::label).toList();
        return new QueryParameter(name, description, "string", null, null,
                defaultValue == null ? null : label(defaultValue), labels, null, false, (parameters, n, snapshot) -> {
                    E value = JourneyQuery.choice(parameters, n, type);
                    return value == null ? defaultValue : value;
                });
    }

    /** Free text, stripped; null when absent or blank. */
    static QueryParameter text(String name, String description) {
        return new QueryParameter(name, description, null, null, null, null, List.of(), null, false,
                (parameters, n, snapshot) -> JourneyQuery.single(parameters, n));
    }

    /**
     * A list of names as {@link JourneyQuery#list} reads it (a comma list, or the parameter repeated; a value that
     * is one of {@code storedNames} as a whole is that name); empty when absent.
     */
    static QueryParameter list(String name, String description,
            Function<JourneySnapshot, Predicate<String>> storedNames) {
        return new QueryParameter(name, description, null, null, null, null, List.of(), null, false,
                (parameters, n, snapshot) -> JourneyQuery.list(parameters, n, storedNames.apply(snapshot)));
    }

    /** Declared for its name and description; {@link JourneyQuery} reads it with the other filters. */
    static QueryParameter filter(String name, String description) {
        return new QueryParameter(name, description, null, null, null, null, List.of(), null, false, null);
    }

    QueryParameter example(String value) {
        return new QueryParameter(name, description, type, minimum, maximum, defaultValue, allowed, value, required,
                reader);
    }

    /** Described as required; the reader says what a missing value answers. */
    QueryParameter asRequired() {
        return new QueryParameter(name, description, type, minimum, maximum, defaultValue, allowed, example, true,
                reader);
    }

    /** Described as a string schema with these values and default (null: none); read as before. */
    QueryParameter allowing(List<String> values, String defaultLabel) {
        return new QueryParameter(name, description, "string", minimum, maximum, defaultLabel, values, example,
                required, reader);
    }

    /** Described as the given schema type with a default, e.g. a boolean read by {@link JourneyQuery}. */
    QueryParameter typed(String schemaType, Object defaultLabel) {
        return new QueryParameter(name, description, schemaType, minimum, maximum, defaultLabel, allowed, example,
                required, reader);
    }

    /** Bounds shown in the description only: a parameter whose reader checks them itself. */
    QueryParameter bounded(Number min, Number max) {
        return new QueryParameter(name, description, type, min, max, defaultValue, allowed, example, required,
                reader);
    }

    /** The same description, read by {@code custom} instead. */
    QueryParameter readWith(Reader custom) {
        return readWith((parameters, n, snapshot) -> custom.read(parameters, n));
    }

    /** The same description, read by {@code custom}, which looks at the stored data too, instead. */
    QueryParameter readWith(SnapshotReader custom) {
        return new QueryParameter(name, description, type, minimum, maximum, defaultValue, allowed, example, required,
                custom);
    }

    /** {@code attr.<name>} and {@code event.<name>}: a family of names sharing a prefix rather than one name. */
    boolean isPrefix() {
        return name.endsWith(".<name>");
    }

    /** The prefix of a family ({@code attr.}), for {@link #isPrefix()} parameters. */
    String prefix() {
        return name.substring(0, name.length() - "<name>".length());
    }

    /** The OpenAPI description of this query parameter. */
    Parameter openApi() {
        Parameter parameter = new Parameter().name(name).in("query").description(description);
        if (required) {
            parameter.required(true);
        }
        if (example != null) {
            parameter.example(example);
        }
        if (type != null) {
            Schema<Object> schema = new Schema<>();
            schema.type(type);
            schema.addType(type); // OpenAPI 3.1 writes the set of types
            if (defaultValue != null) {
                schema.setDefault(defaultValue);
            }
            if (minimum != null) {
                schema.minimum(new BigDecimal(minimum.toString()));
            }
            if (maximum != null && !(maximum instanceof Integer max && max == Integer.MAX_VALUE)) {
                schema.maximum(new BigDecimal(maximum.toString()));
            }
            if (!allowed.isEmpty()) {
                allowed.forEach(schema::addEnumItemObject);
            }
            parameter.schema(schema);
        }
        return parameter;
    }

    /** How the API spells an enum constant: lower case, {@code -} for {@code _}. */
    static String label(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
