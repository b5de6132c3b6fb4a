package com.journeyexplorer.demo;

import java.util.function.Consumer;

import com.journeyexplorer.demo.SiteMap.Kind;

/**
 * Walks one clickstream journey at a time over a {@link SiteMap} and hands each event to the sink as soon as its type
 * is known, so nothing accumulates.
 *
 * <p>A journey starts at an entry channel and follows the site's links; from a product page the segment's habit puts
 * the product in the cart, and the cart leads through address, shipping and payment to the order confirmation (the
 * purchase event, with the order value), after which a customer may look at their orders or write a review. After an
 * on-page event the visitor usually returns to the page it happened on. At each step after the entry the visitor leaves with a
 * probability of 1 / (their patience), patience drawn per journey from a log-normal around the segment's mean (so
 * lengths have a heavy tail), more often at the shipping step. Leaving is an abandonment at the page (an
 * {@code abandon} event) or a visit to a competitor, from which some come back and carry on; the others end there
 * (diverted).
 *
 * <p>With frustration signals (off unless asked for, so that the data of a seed stays what it was): rage clicks
 * ({@code frustration} events, a few seconds before the visit's own event at the same page) on the search results,
 * the cart and the shipping and payment steps, more often in visits that leave there; about one journey in fourteen has
 * some. They are drawn from a random source of their own, seeded by the journey id, so the journeys' paths are the
 * same as without them, each frustration event added as a repeated visit and the later events a few seconds later.
 */
final class ClickstreamWalker {

    /** Longest journey, in events. */
    static final int MAX_EVENTS = 300;

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private final SiteMap site;
    private final SplitMix64 random;
    private final Consumer<DemoEvent> sink;
    /** The draws of the frustration signals, null without them. */
    private final SplitMix64 frustration;

    private String journeyId;
    private String customerId;
    private ShopSegment segment;
    private String device;
    private long time;

    ClickstreamWalker(SiteMap site, SplitMix64 random, Consumer<DemoEvent> sink) {
        this(site, random, sink, false);
    }

    /** @param frustration whether visits may have rage clicks ({@code frustration} events) */
    ClickstreamWalker(SiteMap site, SplitMix64 random, Consumer<DemoEvent> sink, boolean frustration) {
        this.site = site;
        this.random = random;
        this.sink = sink;
        this.frustration = frustration ? new SplitMix64(0) : null;
    }

    /** Emits one journey starting at {@code start}; the random source must be seeded for this journey already. */
    void walk(String journeyId, String customerId, ShopSegment segment, String device, long start) {
        this.journeyId = journeyId;
        this.customerId = customerId;
        this.segment = segment;
        this.device = device;
        this.time = start;
        if (frustration != null) {
            frustration.reseed(SplitMix64.mix(journeyId.hashCode() * 0x9E3779B97F4A7C15L ^ 0x4A6E5C11CL));
        }
        double normal = random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5;
        double patience = segment.meanSteps * Math.exp(1.6 * normal - 0.32);
        int at = entry();
        int previous = -1;
        for (int events = 1; ; events++) {
            if (at == site.confirmation) {
                emit(at, DemoEvent.PURCHASE, orderValue());
                afterPurchase();
                return;
            }
            boolean entry = site.kind(at) == Kind.ENTRY;
            if (events >= MAX_EVENTS || !entry && random.nextDouble() * patience < site.exitFactor[at]) {
                frustrate(at, true);
                leave(at);
                return;
            }
            int next = next(at, previous);
            frustrate(at, false);
            emit(at, DemoEvent.TOUCHPOINT, 0);
            time += gap(at, next);
            if (site.kind(at) != Kind.EVENT) {
                previous = at;
            }
            at = next;
        }
    }

    private int entry() {
        double[] sums = site.entryCumulative;
        double u = random.nextDouble() * sums[sums.length - 1];
        int i = 0;
        while (u >= sums[i] && i < sums.length - 1) {
            i++;
        }
        return site.firstEntry + i;
    }

    /** The funnel's habits first, then back from an event, then a link. */
    private int next(int at, int previous) {
        double u = random.nextDouble();
        switch (site.kind(at)) {
            case PRODUCT -> {
                if (u < segment.cart) {
                    return site.cart;
                }
            }
            case CART -> {
                if (u < segment.checkout) {
                    return site.address;
                }
            }
            case CHECKOUT -> {
                int forward = at == site.address ? site.shipping : at == site.shipping ? site.payment : site.confirmation;
                if (u < (at == site.shipping ? 0.6 : 0.85)) {
                    return forward;
                }
            }
            case EVENT -> {
                if (previous >= 0 && u < 0.6) {
                    return previous;
                }
            }
            case COMPETITOR -> {
                // a visitor who came back from a competitor
            }
            default -> {
            }
        }
        return site.next(at, random);
    }

    /**
     * Ends the journey at {@code at}, or sends the visitor to a competitor: one in four comes back and carries on, so
     * the walk goes on from the competitor's page.
     */
    private void leave(int at) {
        if (site.kind(at) != Kind.COMPETITOR
                && random.nextDouble() < Math.min(0.9, segment.divert * site.divertFactor[at])) {
            emit(at, DemoEvent.TOUCHPOINT, 0);
            int competitor = site.kind(at) == Kind.CHECKOUT || random.nextDouble() < 0.4 ? site.competitorA
                    : site.competitorB;
            time += random.logUniform(MINUTE, HOUR);
            if (random.nextDouble() < 0.25) {
                emit(competitor, DemoEvent.TOUCHPOINT, 0);
                time += random.logUniform(MINUTE, 2 * HOUR);
                int back = site.next(competitor, random);
                walkOn(back);
                return;
            }
            emit(competitor, DemoEvent.TOUCHPOINT, 0);
            return;
        }
        emit(at, site.kind(at) == Kind.COMPETITOR ? DemoEvent.TOUCHPOINT : DemoEvent.ABANDON, 0);
    }

    /** A short second visit after a competitor: a few pages, then a purchase through the funnel or an exit. */
    private void walkOn(int at) {
        for (int events = 0; ; events++) {
            if (at == site.confirmation) {
                emit(at, DemoEvent.PURCHASE, orderValue());
                afterPurchase();
                return;
            }
            if (events >= 20 || random.nextDouble() < 0.25 * site.exitFactor[at]) {
                frustrate(at, true);
                emit(at, site.kind(at) == Kind.COMPETITOR ? DemoEvent.TOUCHPOINT : DemoEvent.ABANDON, 0);
                return;
            }
            int next = next(at, -1);
            frustrate(at, false);
            emit(at, DemoEvent.TOUCHPOINT, 0);
            time += gap(at, next);
            at = next;
        }
    }

    /**
     * With frustration signals, rage clicks at {@code at} before its visit's event: on the shipping step (35% of the
     * visits that leave there, 10% of the others), the payment step (20%, 6%), the cart (8%, 3%) and the search
     * results (10%, 2%); none elsewhere.
     */
    private void frustrate(int at, boolean leaves) {
        if (frustration == null) {
            return;
        }
        double probability = at == site.shipping ? (leaves ? 0.35 : 0.10)
                : at == site.payment ? (leaves ? 0.20 : 0.06)
                : at == site.cart ? (leaves ? 0.08 : 0.03)
                : at == site.search ? (leaves ? 0.10 : 0.02) : 0;
        if (probability > 0 && frustration.nextDouble() < probability) {
            emit(at, DemoEvent.FRUSTRATION, 0);
            time += frustration.logUniform(2 * SECOND, 30 * SECOND);
        }
    }

    /** The orders page, a review, a referral: each more likely for regulars. */
    private void afterPurchase() {
        boolean regular = segment == ShopSegment.REGULAR;
        if (random.nextDouble() < (regular ? 0.6 : 0.35)) {
            time += random.logUniform(HOUR, 5 * DAY);
            emit(site.orders, DemoEvent.TOUCHPOINT, 0);
        }
        if (random.nextDouble() < (regular ? 0.25 : 0.1)) {
            time += random.logUniform(DAY, 14 * DAY);
            emit(random.nextDouble() < 0.7 ? site.review : site.referral, DemoEvent.TOUCHPOINT, 0);
        }
    }

    /** Seconds after an on-page event, seconds to minutes between pages, longer from an email or a competitor. */
    private long gap(int from, int to) {
        Kind kind = site.kind(to);
        if (kind == Kind.EVENT) {
            return random.logUniform(SECOND, 40 * SECOND);
        }
        if (site.kind(from) == Kind.COMPETITOR) {
            return random.logUniform(MINUTE, 2 * HOUR);
        }
        return random.logUniform(3 * SECOND, 5 * MINUTE);
    }

    /** Log-normal around the segment's median, rounded to cents. */
    private double orderValue() {
        double normal = random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5;
        return Math.round(segment.orderValue * Math.exp(0.7 * normal) * 100) / 100.0;
    }

    private void emit(int page, String type, double value) {
        boolean competitor = site.kind(page) == Kind.COMPETITOR;
        sink.accept(new DemoEvent(journeyId, customerId, time, site.names.get(page), site.channels.get(page),
                site.stages.get(page), competitor ? DemoEvent.COMPETITOR : DemoEvent.OWN, type, value, segment.label,
                device));
    }
}
