package com.journeyexplorer.analysis.attribution;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The exact sum of non-negative finite doubles, so that a total does not depend on the order of its terms: the same
 * terms in any order give the same {@link #value()} to the last bit, without sorting them.
 *
 * <p>Terms from 2^-12 to below 2^41 (every realistic money amount) are added exactly into a 128-bit fixed-point
 * number with 64 fraction bits: O(1), no allocation. Smaller non-zero or larger terms, and a sum that outgrows the
 * 128 bits, go into a {@link BigDecimal}, also exactly. {@link #value()} rounds the exact sum to the nearest double.
 */
final class ExactSum {

    private static final long MANTISSA = (1L << 52) - 1;
    private static final long IMPLICIT_BIT = 1L << 52;
    private static final int MIN_EXPONENT = -12;
    private static final int MAX_EXPONENT = 40;
    private static final BigDecimal FRACTION_UNIT = new BigDecimal(Math.scalb(1.0, -64));

    private long high;
    private long low;
    private BigDecimal rest;

    /** Adds {@code term}, which must be finite and {@code >= 0}. */
    void add(double term) {
        if (term == 0) {
            return;
        }
        if (!(term > 0) || term == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("terms must be finite and >= 0, was " + term);
        }
        int exponent = Math.getExponent(term);
        if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
            addExactly(new BigDecimal(term));
            return;
        }
        long mantissa = (Double.doubleToRawLongBits(term) & MANTISSA) | IMPLICIT_BIT;
        int shift = exponent - MIN_EXPONENT; // term = mantissa * 2^(shift - 64), shift in 0..52
        long termLow = mantissa << shift;
        long termHigh = shift == 0 ? 0 : mantissa >>> (64 - shift);
        long sumLow = low + termLow;
        long carry = Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0;
        long sumHigh = high + termHigh + carry;
        if (sumHigh < 0) { // beyond 2^63 in the integer part: keep the fixed-point part in the BigDecimal
            addExactly(fixedPoint());
            high = 0;
            low = 0;
            add(term);
            return;
        }
        high = sumHigh;
        low = sumLow;
    }

    /**
     * Whether {@code term} (finite, {@code >= 0}) is 0 or adds into the 128-bit fixed point as it is:
     * {@link #fixedHigh}, {@link #fixedLow}. Lets a caller keep many sums inline in a {@code long[]}
     * ({@link #addInto}) and an {@code ExactSum} only for the other terms.
     */
    static boolean isFixedPoint(double term) {
        if (term == 0) {
            return true;
        }
        int exponent = Math.getExponent(term);
        return term > 0 && exponent >= MIN_EXPONENT && exponent <= MAX_EXPONENT;
    }

    /** The high 64 bits of a {@link #isFixedPoint fixed-point} term: its integer part. */
    static long fixedHigh(double term) {
        if (term == 0) {
            return 0;
        }
        int shift = Math.getExponent(term) - MIN_EXPONENT;
        return shift == 0 ? 0 : mantissa(term) >>> (64 - shift);
    }

    /** The low 64 bits of a {@link #isFixedPoint fixed-point} term: its fraction, in 2^-64. */
    static long fixedLow(double term) {
        return term == 0 ? 0 : mantissa(term) << (Math.getExponent(term) - MIN_EXPONENT);
    }

    private static long mantissa(double term) {
        return (Double.doubleToRawLongBits(term) & MANTISSA) | IMPLICIT_BIT;
    }

    /**
     * Adds the fixed-point term {@code high:low} to the sum held in {@code sums[at]} (high) and {@code sums[at + 1]}
     * (low); false, leaving them unchanged, when the sum would outgrow 2^63 in its integer part (then the caller moves
     * that sum into an {@code ExactSum}, {@link #addFixedPoint}).
     */
    static boolean addInto(long[] sums, int at, long high, long low) {
        long sumLow = sums[at + 1] + low;
        long carry = Long.compareUnsigned(sumLow, sums[at + 1]) < 0 ? 1 : 0;
        long sumHigh = sums[at] + high + carry;
        if (sumHigh < 0) {
            return false;
        }
        sums[at] = sumHigh;
        sums[at + 1] = sumLow;
        return true;
    }

    /** Adds the fixed-point number {@code high:low} ({@code high >= 0}), exactly. */
    void addFixedPoint(long high, long low) {
        ExactSum other = new ExactSum();
        other.high = high;
        other.low = low;
        addAll(other);
    }

    /**
     * Adds the terms of {@code other}, exactly: the sum is then the same as if this one had been given every term of
     * both, so counting parts apart and merging them gives the same {@link #value()} to the last bit.
     */
    void addAll(ExactSum other) {
        if (other.rest != null) {
            addExactly(other.rest);
        }
        long sumLow = low + other.low;
        long carry = Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0;
        long sumHigh = high + other.high + carry;
        if (sumHigh < 0) { // beyond 2^63 in the integer part: both fixed-point parts into the BigDecimal
            addExactly(fixedPoint());
            addExactly(other.fixedPoint());
            high = 0;
            low = 0;
            return;
        }
        high = sumHigh;
        low = sumLow;
    }

    /** Whether no non-zero term was added. */
    boolean isZero() {
        return high == 0 && low == 0 && rest == null;
    }

    /** The exact sum rounded to the nearest double. */
    double value() {
        return rest == null ? nearestDouble(high, low) : fixedPoint().add(rest).doubleValue();
    }

    /**
     * The fixed-point number {@code high:low / 2^64} ({@code high >= 0}) rounded to the nearest double, ties to even:
     * what {@link BigDecimal#doubleValue()} gives for it, without the decimal string through which that method goes on
     * Java 17 (microseconds per sum, which a model with tens of thousands of sums paid in every request). The top 53
     * significant bits are the mantissa, the next one the rounding bit, any bit below it sticky. O(1), no allocation.
     */
    static double nearestDouble(long high, long low) {
        if (high == 0 && low >= 0 && low < (1L << 53)) {
            return Math.scalb((double) low, -64); // exact: at most 53 significant bits
        }
        int bits = high != 0 ? 128 - Long.numberOfLeadingZeros(high) : 64 - Long.numberOfLeadingZeros(low);
        int drop = bits - 53; // 1..74: the bits below the mantissa
        long mantissa = drop < 64 ? high << (64 - drop) | low >>> drop : high >>> (drop - 64);
        boolean roundBit = bit(high, low, drop - 1);
        boolean sticky = anyBelow(high, low, drop - 1);
        if (roundBit && (sticky || (mantissa & 1) != 0)) {
            mantissa++; // at most 2^53, still exact as a double
        }
        return Math.scalb((double) mantissa, drop - 64);
    }

    /** Bit {@code n} (0..127) of {@code high:low}. */
    private static boolean bit(long high, long low, int n) {
        return ((n < 64 ? low >>> n : high >>> (n - 64)) & 1) != 0;
    }

    /** Whether any of the bits below bit {@code n} (0..127) of {@code high:low} is set. */
    private static boolean anyBelow(long high, long low, int n) {
        if (n == 0) {
            return false;
        }
        if (n <= 64) {
            return (n == 64 ? low : low & ((1L << n) - 1)) != 0;
        }
        return low != 0 || (high & ((1L << (n - 64)) - 1)) != 0;
    }

    private BigDecimal fixedPoint() {
        BigInteger bits = BigInteger.valueOf(high).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(low)));
        return new BigDecimal(bits).multiply(FRACTION_UNIT);
    }

    private void addExactly(BigDecimal term) {
        rest = rest == null ? term : rest.add(term);
    }
}
