package com.journeyexplorer.demo;

import static com.journeyexplorer.demo.StoreTouchpoint.*;

import java.util.EnumMap;
import java.util.Map;

/**
 * A customer segment: how common it is, where its journeys start, which channels it follows, how readily it gives
 * up, which devices it uses and how much it spends.
 */
enum Persona {
    BARGAIN_HUNTER("bargain hunter", 30, 1.15, 45, new double[] {35, 55, 10},
            Map.of("search", 2.0, "competitor", 1.6, "social", 0.6, "app", 0.5, "store", 0.7),
            Map.of(GOOGLE_SEARCH, 30, PRICE_COMPARISON, 25, FACEBOOK_GROUP, 15, NEWSLETTER, 10,
                    INSTAGRAM_AD, 8, INFLUENCER_POST, 6, TV_SPOT, 3, COMPETITOR_B, 3)),
    TREND_FOLLOWER("trend follower", 30, 1.0, 70, new double[] {75, 15, 10},
            Map.of("social", 2.0, "app", 1.8, "search", 0.7, "store", 0.5, "tv_radio", 0.5),
            Map.of(INSTAGRAM_AD, 25, TIKTOK_VIDEO, 25, INFLUENCER_POST, 28, POP_UP_EVENT, 8, GOOGLE_SEARCH, 8,
                    FACEBOOK_GROUP, 6)),
    LOYAL_CUSTOMER("loyal customer", 20, 0.75, 90, new double[] {50, 35, 15},
            Map.of("email", 2.0, "app", 1.5, "store", 1.5, "competitor", 0.5),
            Map.of(NEWSLETTER, 35, APP_PRODUCT_PAGE, 15, HOME_PAGE, 15, STORE_VISIT, 10, INSTAGRAM_AD, 10,
                    INFLUENCER_POST, 7, GOOGLE_SEARCH, 8)),
    GIFT_BUYER("gift buyer", 20, 0.9, 110, new double[] {30, 45, 25},
            Map.of("tv_radio", 1.5, "press", 1.5, "store", 1.5, "support", 1.5, "search", 1.2, "app", 0.6),
            Map.of(TV_SPOT, 18, RADIO_AD, 10, PRESS_ARTICLE, 12, GOOGLE_SEARCH, 25, STORE_VISIT, 10,
                    POP_UP_EVENT, 8, INFLUENCER_POST, 7, HOME_PAGE, 10));

    static final Persona[] ALL = values();
    static final String[] DEVICES = {"mobile", "desktop", "tablet"};

    final String label;
    /** Relative share of customers. */
    final double share;
    /** Multiplies the weight of leaving the journey (abandoning, or staying at a competitor). */
    final double exitFactor;
    /** Median order value. */
    final double orderValue;
    /** Weights of {@link #DEVICES}. */
    final double[] deviceWeights;
    private final Map<String, Double> channelFactors;
    /** Where journeys start, in touchpoint order, with cumulative weights summing to {@link #entryTotal}. */
    final StoreTouchpoint[] entryTouchpoints;
    final double[] entryCumulative;
    final double entryTotal;

    Persona(String label, double share, double exitFactor, double orderValue, double[] deviceWeights,
            Map<String, Double> channelFactors, Map<StoreTouchpoint, Integer> entries) {
        this.label = label;
        this.share = share;
        this.exitFactor = exitFactor;
        this.orderValue = orderValue;
        this.deviceWeights = deviceWeights;
        this.channelFactors = channelFactors;
        Map<StoreTouchpoint, Integer> ordered = new EnumMap<>(entries);
        this.entryTouchpoints = ordered.keySet().toArray(new StoreTouchpoint[0]);
        this.entryCumulative = new double[entryTouchpoints.length];
        double sum = 0;
        for (int i = 0; i < entryTouchpoints.length; i++) {
            sum += ordered.get(entryTouchpoints[i]);
            entryCumulative[i] = sum;
        }
        this.entryTotal = sum;
    }

    /** How much more (or less) than average this persona follows a step into {@code channel}. */
    double channelFactor(String channel) {
        return channelFactors.getOrDefault(channel, 1.0);
    }
}
