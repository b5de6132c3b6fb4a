package com.journeyexplorer.demo;

import java.util.function.Consumer;

/**
 * A seeded simulation of a web shop's clickstream, the second data shape beside the {@link DemoStore}: thousands of
 * touchpoints (product, category, blog and help pages, search, cart, checkout, account pages, on-page events, entry
 * channels and two competitors) with Zipf-like popularity and sparse page-to-page navigation habits ({@link SiteMap}),
 * journeys of about ten steps with a heavy tail ({@link ClickstreamWalker}), three segments, three devices, and
 * returning customers (about three journeys per customer id, each keeping its segment and mostly its device).
 *
 * <p>Journeys start over a year from 2026-01-01T00:00:00Z. Each journey depends only on the seed, the number of
 * touchpoints and its index; the site map is built once, in O(touchpoints), and journeys are streamed event by
 * event, so memory does not grow with the number of journeys.
 *
 * <p>Planted for the analyses to find: unexpected costs at "Checkout - shipping" lose the most journeys of the funnel,
 * about one product page in fifty sends many visitors to "CompetitorB marketplace", and regulars buy far more often
 * than window shoppers.
 *
 * <p>Frustration signals (rage clicks at the search results, the cart and the checkout's shipping and payment steps,
 * in about one journey in fourteen) only when asked for ({@link #Clickstream(long, int, boolean)}): without them a seed
 * writes the same data as it always did.
 */
public final class Clickstream implements JourneyGenerator {

    public static final int DEFAULT_TOUCHPOINTS = 5_000;
    public static final long SPAN_MILLIS = 365L * 24 * 60 * 60 * 1000;

    private static final String[] DEVICES = {"mobile", "desktop", "tablet"};

    private final long seed;
    private final SiteMap site;
    private final boolean frustration;

    /** A clickstream over {@code touchpoints} touchpoints, at least {@value SiteMap#MIN_TOUCHPOINTS}. */
    public Clickstream(long seed, int touchpoints) {
        this(seed, touchpoints, false);
    }

    /**
     * As {@link #Clickstream(long, int)}, with rage clicks ({@code frustration} events) when {@code frustration}:
     * the same journeys, each frustration event added before its visit ({@link ClickstreamWalker}).
     */
    public Clickstream(long seed, int touchpoints, boolean frustration) {
        this.seed = seed;
        this.site = new SiteMap(seed, touchpoints);
        this.frustration = frustration;
    }

    public Clickstream(long seed) {
        this(seed, DEFAULT_TOUCHPOINTS);
    }

    public int touchpoints() {
        return site.size();
    }

    @Override
    public String shape() {
        return "clickstream";
    }

    /** O(events) time; memory O(touchpoints), independent of {@code journeys}. */
    @Override
    public void generate(int journeys, Consumer<DemoEvent> sink) {
        if (journeys < 0) {
            throw new IllegalArgumentException("journeys must be >= 0: " + journeys);
        }
        SplitMix64 random = new SplitMix64(seed);
        ClickstreamWalker walker = new ClickstreamWalker(site, random, sink, frustration);
        int customers = Math.max(1, journeys / 3);
        int digits = Math.max(7, Integer.toString(journeys).length());
        for (int i = 0; i < journeys; i++) {
            random.reseed(SplitMix64.mix(seed ^ SplitMix64.mix(i + 0x9E37L)));
            int customer = random.nextInt(customers);
            long habit = SplitMix64.mix(seed + 0x2545F4914F6CDD1DL * (customer + 1L));
            String device = random.nextDouble() < 0.75 ? DEVICES[(int) ((habit >>> 40) % 3)]
                    : DEVICES[random.nextInt(3)];
            long start = DemoStore.BASE_EPOCH_MILLIS + (long) (random.nextDouble() * SPAN_MILLIS);
            walker.walk(journeyId(i + 1, digits), "w-" + (customer + 1), segmentOf(habit), device, start);
        }
    }

    /** A customer keeps their segment across journeys. */
    private static ShopSegment segmentOf(long habit) {
        double u = (habit >>> 11) * 0x1.0p-53;
        for (ShopSegment segment : ShopSegment.ALL) {
            u -= segment.share;
            if (u < 0) {
                return segment;
            }
        }
        return ShopSegment.ALL[ShopSegment.ALL.length - 1];
    }

    /** {@code web-0000042}: zero padded to {@code digits}. */
    static String journeyId(int number, int digits) {
        String n = Integer.toString(number);
        return "web-" + "0".repeat(Math.max(0, digits - n.length())) + n;
    }
}
