package com.journeyexplorer.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link ExactSum#nearestDouble}, the rounding of the 128-bit fixed-point sum, against {@link BigDecimal#doubleValue()}
 * of the same number: random numbers of every bit length, and the halfway cases where ties go to the even mantissa.
 */
class ExactSumTests {

    private static final BigDecimal FRACTION_UNIT = new BigDecimal(Math.scalb(1.0, -64));

    private static double viaBigDecimal(long high, long low) {
        BigInteger bits = BigInteger.valueOf(high).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(low)));
        return new BigDecimal(bits).multiply(FRACTION_UNIT).doubleValue();
    }

    private static void assertRoundsAsBigDecimal(long high, long low) {
        assertThat(ExactSum.nearestDouble(high, low)).as("%x:%016x", high, low)
                .isEqualTo(viaBigDecimal(high, low));
    }

    @Test
    void roundsEveryBitLengthAsBigDecimal() {
        Random random = new Random(31);
        for (int bits = 0; bits <= 127; bits++) {
            for (int i = 0; i < 2_000; i++) {
                BigInteger number = new BigInteger(bits, random);
                if (i % 3 == 0 && bits > 0) { // a sparse number: long runs of zeros below the top bits
                    number = BigInteger.ONE.shiftLeft(bits - 1).or(BigInteger.valueOf(random.nextInt(4)));
                }
                assertRoundsAsBigDecimal(number.shiftRight(64).longValue(), number.longValue());
            }
        }
        assertThat(ExactSum.nearestDouble(0, 0)).isZero();
        assertRoundsAsBigDecimal(Long.MAX_VALUE, -1L);
        assertRoundsAsBigDecimal(0, -1L);
    }

    @Test
    void roundsHalfwayCasesToTheEvenMantissa() {
        // 2^53 + 1 and 2^53 + 3 (integers, in the high word): halfway between two doubles
        assertThat(ExactSum.nearestDouble((1L << 53) + 1, 0)).isEqualTo(Math.scalb(1.0, 53));
        assertThat(ExactSum.nearestDouble((1L << 53) + 3, 0)).isEqualTo(Math.scalb(1.0, 53) + 4);
        // 2^52 + 0.5 and 2^52 + 1.5: the rounding bit is the first fraction bit
        assertThat(ExactSum.nearestDouble(1L << 52, Long.MIN_VALUE)).isEqualTo(Math.scalb(1.0, 52));
        assertThat(ExactSum.nearestDouble((1L << 52) + 1, Long.MIN_VALUE)).isEqualTo(Math.scalb(1.0, 52) + 2);
        // just above halfway: a sticky bit far below rounds up
        assertThat(ExactSum.nearestDouble(1L << 52, Long.MIN_VALUE | 1)).isEqualTo(Math.scalb(1.0, 52) + 1);
        Random random = new Random(37);
        for (int i = 0; i < 20_000; i++) {
            int bits = 54 + random.nextInt(74);
            // a 53-bit mantissa, then the rounding bit, then zeros or one sticky bit
            BigInteger mantissa = new BigInteger(52, random).setBit(52);
            BigInteger number = mantissa.shiftLeft(1).setBit(0).shiftLeft(bits - 54);
            if (random.nextBoolean() && bits > 54) {
                number = number.setBit(random.nextInt(bits - 54));
            }
            assertRoundsAsBigDecimal(number.shiftRight(64).longValue(), number.longValue());
        }
    }

    @Test
    void sumsOfMoneyAmountsAreTheRoundedExactSum() {
        Random random = new Random(41);
        for (int round = 0; round < 200; round++) {
            ExactSum sum = new ExactSum();
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = 0; i < 1 + random.nextInt(50); i++) {
                double term = Math.round(random.nextDouble() * 100_000) / 100.0 * (1 + random.nextInt(5)) / 3;
                sum.add(term);
                exact = exact.add(new BigDecimal(term));
            }
            assertThat(sum.value()).isEqualTo(exact.doubleValue());
        }
    }
}
