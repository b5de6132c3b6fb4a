package com.journeyexplorer.demo;

import static com.journeyexplorer.demo.StoreTouchpoint.*;

import java.util.function.Consumer;

/**
 * Walks one journey at a time and hands each event to the sink as soon as it is known, so nothing accumulates.
 *
 * <p>Before a purchase the walk follows {@link TransitionTables}; "Order confirmation" is the purchase event (with the
 * order value) and may be followed by loyalty (Newsletter, Post-purchase survey) and advocacy (Review written, Referral
 * shared) steps. A journey that leaves at one of our touchpoints ends with that touchpoint as an {@code abandon}
 * event; one that leaves at a competitor ends there as a plain touchpoint event (diverted). In the surcharge week
 * ({@link DemoStore#SURCHARGE_WEEK_START}) more journeys leave at the shipping costs page.
 *
 * <p>Frustration signals ({@code frustration} events, a few seconds before the visit's own event at the same
 * touchpoint): rage clicks on "Checkout - shipping costs" and repeated contact about "Support email - slow answer",
 * more often in journeys that leave there. They are drawn from a random source of their own, seeded by the journey
 * id, so the journeys' paths are the same as without them, each frustration event added as a repeated visit.
 */
final class JourneyWalker {

    /** Events before and including the purchase; up to three post-purchase events may follow. */
    static final int MAX_EVENTS_TO_PURCHASE = 12;

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private final TransitionTables tables;
    private final SplitMix64 random;
    private final SplitMix64 frustration = new SplitMix64(0);
    private final Consumer<DemoEvent> sink;

    private String journeyId;
    private String customerId;
    private Persona persona;
    private String device;
    private long time;

    JourneyWalker(TransitionTables tables, SplitMix64 random, Consumer<DemoEvent> sink) {
        this.tables = tables;
        this.random = random;
        this.sink = sink;
    }

    /** Emits one journey starting at {@code start}; the random source must be seeded for this journey already. */
    void walk(String journeyId, String customerId, Persona persona, long start) {
        this.journeyId = journeyId;
        this.customerId = customerId;
        this.persona = persona;
        this.device = Persona.DEVICES[pick(persona.deviceWeights)];
        this.time = start;
        frustration.reseed(SplitMix64.mix(journeyId.hashCode() * 0x9E3779B97F4A7C15L ^ 0xF3057A7E0L));
        boolean desktop = "desktop".equals(device);
        StoreTouchpoint at = entry(desktop);
        boolean influenced = false;
        for (int events = 1; ; events++) {
            influenced |= at == INFLUENCER_POST && persona == Persona.TREND_FOLLOWER;
            if (at == ORDER_CONFIRMATION) {
                emit(at, DemoEvent.PURCHASE, orderValue());
                afterPurchase();
                return;
            }
            int next = tables.next(persona, influenced, events > 1, at, random);
            if (at == CHECKOUT_SHIPPING && time >= DemoStore.SURCHARGE_WEEK_START
                    && time < DemoStore.SURCHARGE_WEEK_END && random.nextDouble() < DemoStore.SURCHARGE_LEAVE) {
                // The planted change: a draw of its own, so journeys outside that week walk as before.
                next = TransitionTables.LEAVE;
            }
            boolean leaves = next == TransitionTables.LEAVE
                    || (events >= MAX_EVENTS_TO_PURCHASE - 1 && next != ORDER_CONFIRMATION.ordinal());
            frustrate(at, leaves);
            if (leaves) {
                emit(at, at.isCompetitor() ? DemoEvent.TOUCHPOINT : DemoEvent.ABANDON, 0);
                return;
            }
            emit(at, DemoEvent.TOUCHPOINT, 0);
            StoreTouchpoint to = StoreTouchpoint.ALL[next];
            time += gap(at, to);
            at = desktop ? to.onDesktop() : to;
        }
    }

    /**
     * A frustration event at {@code at} before its visit's event, with the probability of the planted stories: rage
     * clicks on the shipping costs (45% of the visits that leave there, 12% of the others), repeated contact about the
     * slow support email (35% and 10%); none elsewhere.
     */
    private void frustrate(StoreTouchpoint at, boolean leaves) {
        double probability = at == CHECKOUT_SHIPPING ? (leaves ? 0.45 : 0.12)
                : at == SUPPORT_EMAIL_SLOW ? (leaves ? 0.35 : 0.10) : 0;
        if (probability > 0 && frustration.nextDouble() < probability) {
            emit(at, DemoEvent.FRUSTRATION, 0);
            time += frustration.logUniform(5 * SECOND, MINUTE);
        }
    }

    private StoreTouchpoint entry(boolean desktop) {
        double u = random.nextDouble() * persona.entryTotal;
        StoreTouchpoint[] entries = persona.entryTouchpoints;
        double[] sums = persona.entryCumulative;
        int i = 0;
        while (u >= sums[i] && i < sums.length - 1) {
            i++;
        }
        return desktop ? entries[i].onDesktop() : entries[i];
    }

    /** Loyalty steps, then advocacy steps, each more likely for loyal customers. */
    private void afterPurchase() {
        boolean loyal = persona == Persona.LOYAL_CUSTOMER;
        if (random.nextDouble() < (loyal ? 0.75 : 0.55)) {
            StoreTouchpoint loyalty = random.nextDouble() < 0.55 ? NEWSLETTER : POST_PURCHASE_SURVEY;
            time += random.logUniform(DAY, 10 * DAY);
            emit(loyalty, DemoEvent.TOUCHPOINT, 0);
        }
        if (random.nextDouble() < (loyal ? 0.45 : 0.3)) {
            double referral = persona == Persona.TREND_FOLLOWER ? 0.6 : 0.3;
            StoreTouchpoint first = random.nextDouble() < referral ? REFERRAL_SHARED : REVIEW_WRITTEN;
            time += random.logUniform(DAY, 14 * DAY);
            emit(first, DemoEvent.TOUCHPOINT, 0);
            if (random.nextDouble() < 0.2) {
                time += random.logUniform(HOUR, 7 * DAY);
                emit(first == REVIEW_WRITTEN ? REFERRAL_SHARED : REVIEW_WRITTEN, DemoEvent.TOUCHPOINT, 0);
            }
        }
    }

    /**
     * Time until the next event: seconds to minutes for a click within a session, a day or more after the slow support
     * email, hours for the abandoned-cart email, half an hour to days otherwise.
     */
    private long gap(StoreTouchpoint from, StoreTouchpoint to) {
        if (from == SUPPORT_EMAIL_SLOW) {
            return random.logUniform(DAY, 4 * DAY);
        }
        if (to == ABANDONED_CART_EMAIL) {
            return random.logUniform(2 * HOUR, DAY);
        }
        if (to.isOnline() && (from.isOnline() || "social".equals(from.channel) || "email".equals(from.channel))) {
            return random.logUniform(10 * SECOND, 15 * MINUTE);
        }
        return random.logUniform(30 * MINUTE, 3 * DAY);
    }

    /** Log-normal around the persona's median, rounded to cents. */
    private double orderValue() {
        double normal = random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5;
        return Math.round(persona.orderValue * Math.exp(0.8 * normal) * 100) / 100.0;
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private void emit(StoreTouchpoint touchpoint, String type, double value) {
        sink.accept(new DemoEvent(journeyId, customerId, time, touchpoint.label, touchpoint.channel, touchpoint.stage,
                touchpoint.owner, type, value, persona.label, device));
    }
}
