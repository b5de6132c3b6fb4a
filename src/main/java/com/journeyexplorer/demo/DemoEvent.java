package com.journeyexplorer.demo;

import java.util.Objects;

/**
 * One event of a generated journey, in the shape the CSV importer reads.
 *
 * @param journeyId  e.g. {@code demo-000001}
 * @param customerId e.g. {@code c-42}; a customer may have several journeys
 * @param timestamp  epoch milliseconds, non-decreasing within a journey
 * @param touchpoint touchpoint name, e.g. {@code Checkout - shipping costs}
 * @param channel    e.g. {@code website}, {@code competitor}
 * @param stage      awareness, consideration, purchase, loyalty or advocacy
 * @param owner      {@code own} or {@code competitor}
 * @param type       {@code touchpoint}, {@code purchase} (the order confirmation), {@code abandon} (the last own
 *                   touchpoint of an abandoned journey) or {@code frustration} (a frustration signal at the touchpoint)
 * @param value      order value on the purchase event, 0 otherwise
 * @param segment    the persona, e.g. {@code trend follower}
 * @param device     {@code mobile}, {@code desktop} or {@code tablet}
 */
public record DemoEvent(
        String journeyId,
        String customerId,
        long timestamp,
        String touchpoint,
        String channel,
        String stage,
        String owner,
        String type,
        double value,
        String segment,
        String device) {

    public static final String OWN = "own";
    public static final String COMPETITOR = "competitor";
    public static final String TOUCHPOINT = "touchpoint";
    public static final String PURCHASE = "purchase";
    public static final String ABANDON = "abandon";
    public static final String FRUSTRATION = "frustration";

    public DemoEvent {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(segment, "segment");
        if (!OWN.equals(owner) && !COMPETITOR.equals(owner)) {
            throw new IllegalArgumentException("owner must be own or competitor: " + owner);
        }
        if (!TOUCHPOINT.equals(type) && !PURCHASE.equals(type) && !ABANDON.equals(type)
                && !FRUSTRATION.equals(type)) {
            throw new IllegalArgumentException("type must be touchpoint, purchase, abandon or frustration: " + type);
        }
        if (!"mobile".equals(device) && !"desktop".equals(device) && !"tablet".equals(device)) {
            throw new IllegalArgumentException("device must be mobile, desktop or tablet: " + device);
        }
        if (!(value >= 0)) {
            throw new IllegalArgumentException("value must be >= 0: " + value);
        }
    }
}
