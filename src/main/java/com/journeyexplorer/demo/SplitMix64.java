package com.journeyexplorer.demo;

/**
 * Steele, Lea and Flood's SplitMix64: tiny, fast, and fully specified here, so a seed gives the same numbers on every
 * JVM. Reseeded per journey, which makes each journey depend only on the store's seed and its own index.
 */
final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    void reseed(long seed) {
        this.state = seed;
    }

    long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), bound > 0. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform-in-logarithm between min and max: as many gaps of seconds as of minutes, of minutes as of hours. */
    long logUniform(long min, long max) {
        return (long) (min * Math.exp(nextDouble() * Math.log((double) max / min)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
