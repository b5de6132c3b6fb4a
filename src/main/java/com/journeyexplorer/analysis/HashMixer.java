package com.journeyexplorer.analysis;

/**
 * The one hash mixer of the open-addressing tables over ints and longs ({@link IntSequenceTable}, {@link EdgeTallies},
 * {@code attribution.LongCounts}): Fibonacci hashing, a multiplication by 2<sup>32</sup> or 2<sup>64</sup> over the
 * golden ratio that spreads nearby keys (consecutive ids, {@code 31 · h + x} hashes) over the high bits, which are
 * then folded into the low bits that a power-of-two table masks. O(1), no allocation.
 */
public final class HashMixer {

    private static final int GOLDEN_32 = 0x9E3779B9;
    private static final long GOLDEN_64 = 0x9E3779B97F4A7C15L;

    private HashMixer() {
    }

    /** A well-spread int from an int hash; mask the result with {@code capacity - 1} for a slot. */
    public static int mix(int hash) {
        int mixed = hash * GOLDEN_32;
        return mixed ^ mixed >>> 16;
    }

    /** A well-spread int from a long key (its high product bits); mask the result for a slot. */
    public static int mix(long key) {
        return (int) ((key * GOLDEN_64) >>> 32);
    }

    /** The hash of {@code values[0, length)}, equal to {@link java.util.Arrays#hashCode(int[])} of that range. */
    public static int hash(int[] values, int length) {
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + values[i];
        }
        return hash;
    }
}
