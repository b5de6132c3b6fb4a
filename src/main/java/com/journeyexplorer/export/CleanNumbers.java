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

    /**
     * {@code value} to {@value #SIGNIFICANT_DIGITS} significant digits; -0.0 becomes 0.0; NaN and infinities stay.
     * Exactly {@code BigDecimal.valueOf(value).round(12 digits, HALF_EVEN).doubleValue()}, by a fast path in doubles
     * where that is provably the same ({@link #roundedInDoubles}) and through {@link BigDecimal} otherwise.
     */
    public static double clean(double value) {
        if (value == 0.0) {
            return 0.0;
        }
        if (!Double.isFinite(value)) {
            return value;
        }
        double rounded = roundedInDoubles(value);
        if (Double.isNaN(rounded)) {
            rounded = roundedByDecimal(value);
        }
        return rounded == 0.0 ? 0.0 : rounded;
    }

    /** The reference rounding: the shortest decimal of {@code value}, rounded half-even, read back. */
    static double roundedByDecimal(double value) {
        return BigDecimal.valueOf(value).round(ROUNDING).doubleValue();
    }

    /** Powers of ten that doubles hold exactly: 10⁰ to 10²². */
    private static final double[] EXACT_POWERS = new double[23];

    static {
        EXACT_POWERS[0] = 1;
        for (int i = 1; i < EXACT_POWERS.length; i++) {
            EXACT_POWERS[i] = EXACT_POWERS[i - 1] * 10;
        }
    }

    /**
     * {@link #roundedByDecimal}, computed in doubles, or NaN where that cannot be guaranteed (the caller then takes the
     * decimal path). Answers print every probability and share: the decimal path (a string per number) took an
     * eighth of a likely-paths request's time on 5,000 touchpoints.
     *
     * <p>Why it is the same number: with {@code 10^s} exact (|s| ≤ 22), {@code m = |value| · 10^s} scaled into
     * [10¹¹, 10¹²) is off by at most half an ulp of m (about 6·10⁻⁵), and the shortest decimal of {@code value}
     * differs from {@code value} by less than one ulp of value (about 2.3·10⁻⁴ on m's scale). Unless m's fraction lies
     * within 10⁻³ of one half, both therefore round to the same integer n (half-even never has to break a tie), and
     * {@code n / 10^s} (or {@code n · 10^-s}) is one correctly rounded operation on exact operands: the double nearest
     * the decimal {@code n · 10^-s}, which is what {@link BigDecimal#doubleValue()} returns.
     */
    static double roundedInDoubles(double value) {
        double magnitude = Math.abs(value);
        int scale = SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(magnitude));
        if (scale > 22 || scale < -22) {
            return Double.NaN;
        }
        double power = EXACT_POWERS[Math.abs(scale)];
        double scaled = scale >= 0 ? magnitude * power : magnitude / power;
        if (!(scaled >= 1e11 && scaled < 1e12)) {
            return Double.NaN; // log10 was off by one at a power of ten
        }
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) < 1e-3) {
            return Double.NaN;
        }
        double n = fraction > 0.5 ? whole + 1 : whole;
        double rounded = scale >= 0 ? n / power : n * power;
        return Math.copySign(rounded, value);
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
