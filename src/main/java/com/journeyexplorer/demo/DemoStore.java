package com.journeyexplorer.demo;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A seeded simulation of an online fashion store's customer journeys, for demos and benchmarks.
 *
 * <p>Journeys start on a day spread over 90 days from 2026-01-01T00:00:00Z and walk persona-dependent transition
 * probabilities ({@link StoreMap}) to a purchase ("Order confirmation", type {@code purchase}, with the order value),
 * an abandonment (the last own touchpoint, type {@code abandon}) or a competitor. Each journey depends only on the
 * seed and its index, and is streamed event by event: memory stays constant however many journeys are generated,
 * at a few million events per second.
 *
 * <p>Planted for the analyses to find: "Checkout - shipping costs" loses the most journeys to abandonment, "Support
 * email - slow answer" sends customers to competitors, and the "Influencer post" makes trend followers buy. And one
 * change over time: in the week from Monday 2026-03-02 ({@link #SURCHARGE_WEEK_START}, UTC) the shipping costs page
 * got worse (a surcharge), and {@link #SURCHARGE_LEAVE} of the visits to it that week end there, abandoned, on top of
 * those that would anyway; the trends flag that week.
 */
public final class DemoStore implements JourneyGenerator {

    /** 2026-01-01T00:00:00Z. */
    public static final long BASE_EPOCH_MILLIS = 1_767_225_600_000L;
    public static final long SPAN_MILLIS = 90L * 24 * 60 * 60 * 1000;
    /** 2026-03-02T00:00:00Z, a Monday: the start of the week in which the shipping costs page got worse. */
    public static final long SURCHARGE_WEEK_START = 1_772_409_600_000L;
    public static final long SURCHARGE_WEEK_END = SURCHARGE_WEEK_START + 7L * 24 * 60 * 60 * 1000;
    /** The share of the visits to the shipping costs page in the surcharge week that end there, whatever else. */
    public static final double SURCHARGE_LEAVE = 0.6;

    private static final TransitionTables TABLES = new TransitionTables();
    private static final int MIN_ID_DIGITS = 6;
    private static final double TOTAL_SHARE = Arrays.stream(Persona.ALL).mapToDouble(p -> p.share).sum();

    private final long seed;

    public DemoStore(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    @Override
    public String shape() {
        return "demo";
    }

    /**
     * Streams {@code journeys} journeys to {@code sink}, journey by journey and in time order within each. The same
     * seed and count give the same events. O(events) time, O(1) memory.
     */
    @Override
    public void generate(int journeys, Consumer<DemoEvent> sink) {
        if (journeys < 0) {
            throw new IllegalArgumentException("journeys must be >= 0: " + journeys);
        }
        SplitMix64 random = new SplitMix64(seed);
        JourneyWalker walker = new JourneyWalker(TABLES, random, sink);
        int customers = Math.max(1, journeys - journeys / 4);
        int digits = Math.max(MIN_ID_DIGITS, Integer.toString(journeys).length());
        for (int i = 0; i < journeys; i++) {
            random.reseed(SplitMix64.mix(seed ^ SplitMix64.mix(i + 1L)));
            int customer = random.nextInt(customers);
            long start = BASE_EPOCH_MILLIS + (long) (random.nextDouble() * SPAN_MILLIS);
            walker.walk(journeyId(i + 1, digits), "c-" + (customer + 1), personaOf(customer), start);
        }
    }

    /** A customer keeps their persona across journeys. */
    private Persona personaOf(int customer) {
        double u = (SplitMix64.mix(seed + 0x5DEECE66DL * (customer + 1L)) >>> 11) * 0x1.0p-53 * TOTAL_SHARE;
        for (Persona persona : Persona.ALL) {
            u -= persona.share;
            if (u < 0) {
                return persona;
            }
        }
        return Persona.ALL[Persona.ALL.length - 1];
    }

    /** {@code demo-000042}: zero padded to {@code digits}. */
    static String journeyId(int number, int digits) {
        String n = Integer.toString(number);
        StringBuilder id = new StringBuilder(5 + Math.max(digits, n.length())).append("demo-");
        for (int pad = digits - n.length(); pad > 0; pad--) {
            id.append('0');
        }
        return id.append(n).toString();
    }
}
