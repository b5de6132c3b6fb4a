package com.journeyexplorer.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;

/** Node and link attributes as jgrapht-io {@link Attribute}s, for the exporters built on jgrapht-io. */
final class Attributes {

    /** Node attributes and their types, in the order of {@link ExportNode#attributes()}. */
    static final Map<String, AttributeType> NODE = ordered(
            "label", AttributeType.STRING, "kind", AttributeType.STRING, "channel", AttributeType.STRING,
            "stage", AttributeType.STRING, "owner", AttributeType.STRING, "journeys", AttributeType.LONG,
            "visits", AttributeType.LONG, "purchaseProbability", AttributeType.DOUBLE,
            "abandonProbability", AttributeType.DOUBLE, "divertProbability", AttributeType.DOUBLE,
            "openProbability", AttributeType.DOUBLE, "responses", AttributeType.LONG,
            "meanScore", AttributeType.DOUBLE);

    /** Link attributes and their types, in the order of {@link ExportLink#attributes()}. */
    static final Map<String, AttributeType> LINK = ordered(
            "journeys", AttributeType.LONG, "count", AttributeType.LONG, "probability", AttributeType.DOUBLE,
            "medianSeconds", AttributeType.DOUBLE, "meanSeconds", AttributeType.DOUBLE,
            "diversion", AttributeType.BOOLEAN, "postPurchase", AttributeType.BOOLEAN);

    private Attributes() {
    }

    static Map<String, Attribute> of(Map<String, Object> values) {
        return of(values, UnaryOperator.identity());
    }

    /** As {@link #of(Map)}, with each text value passed through {@code text}, a format's escaping. */
    static Map<String, Attribute> of(Map<String, Object> values, UnaryOperator<String> text) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        values.forEach((name, value) -> attributes.put(name, value instanceof String string
                ? DefaultAttribute.createAttribute(text.apply(string)) : attribute(value)));
        return attributes;
    }

    static Attribute attribute(Object value) {
        if (value instanceof Long number) {
            return DefaultAttribute.createAttribute(number);
        }
        if (value instanceof Double number) {
            return DefaultAttribute.createAttribute(CleanNumbers.clean(number));
        }
        if (value instanceof Boolean flag) {
            return DefaultAttribute.createAttribute(flag);
        }
        return DefaultAttribute.createAttribute(String.valueOf(value));
    }

    private static Map<String, AttributeType> ordered(Object... namesAndTypes) {
        Map<String, AttributeType> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            map.put((String) namesAndTypes[i], (AttributeType) namesAndTypes[i + 1]);
        }
        return map;
    }
}
