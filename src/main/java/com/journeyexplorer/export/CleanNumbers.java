package com.journeyexplorer.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Numbers as every answer writes them: rounded to {@value #SIGNIFICANT_DIGITS} significant digits, so that the last
 * bits of floating-point arithmetic ({@code 0.30000000000000004}, {@code 1.0000000000000029}) never show, and never
 * {@code -0.0}. Probabilities are also clamped to [0, 1] where they are computed ({@link #probability}). The JSON
 * writers of the API and of the graph exports register {@link #module()}.
 */
public final class CleanNumbers {

    public static final int SIGNIFICANT_DIGITS = 12;
    private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

    private CleanNumbers() {
    }

    /** {@code value} to {@value #SIGNIFICANT_DIGITS} significant digits; -0.0 becomes 0.0; NaN and infinities stay. */
    public static double clean(double value) {
        if (value == 0.0) {
            return 0.0;
        }
        if (!Double.isFinite(value)) {
            return value;
        }
        double rounded = BigDecimal.valueOf(value).round(ROUNDING).doubleValue();
        return rounded == 0.0 ? 0.0 : rounded;
    }

    /** A probability or share: clamped to [0, 1], then {@link #clean cleaned}; NaN stays NaN. */
    public static double probability(double value) {
        if (Double.isNaN(value)) {
            return value;
        }
        return clean(Math.max(0.0, Math.min(1.0, value)));
    }

    /** {@link #probability} of a nullable value. */
    public static Double probability(Double value) {
        return value == null ? null : probability(value.doubleValue());
    }

    /** Serializers that write every {@code double} and {@code Double} {@link #clean cleaned}. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("clean-numbers");
        CleanDoubleSerializer serializer = new CleanDoubleSerializer();
        module.addSerializer(Double.class, serializer);
        module.addSerializer(Double.TYPE, serializer);
        return module;
    }

    private static final class CleanDoubleSerializer extends StdSerializer<Double> {

        CleanDoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
            generator.writeNumber(clean(value));
        }
    }
}
