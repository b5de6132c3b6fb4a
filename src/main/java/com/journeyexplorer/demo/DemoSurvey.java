package com.journeyexplorer.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Survey answers to the demo store's journeys, in the shape {@code POST /api/feedback} reads, deterministic by seed.
 *
 * <p>Each visit of one of our touchpoints leaves an experience between 0 and 1: the touchpoint's usual experience,
 * a little better in a journey that ends in a purchase and worse in one that is lost (worse still where it is
 * abandoned), plus noise. A visit is answered with probability {@code 0.6% + 5% · (2 |experience - 0.5|)²}, so strong
 * feelings answer more often and about 2 to 3 per cent of visits are answered; the score is the experience on the
 * touchpoint's scale (CES for support, a rating for media, CSAT elsewhere), sometimes with a comment. A purchase is
 * followed by an NPS survey about the whole journey (stage loyalty) with probability 4 to 10 per cent.
 *
 * <p>Planted: "Checkout - shipping costs" and "Support email - slow answer" are the worst experiences, and the
 * "Influencer post" delights trend followers.
 */
public final class DemoSurvey {

    public static final String[] HEADER = {"response_id", "journey_id", "customer_id", "timestamp", "touchpoint",
            "stage", "score", "scale", "comment"};
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader(HEADER).get();
    private static final long MINUTE = 60_000L;
    private static final long DAY = 24 * 60 * MINUTE;

    /** The usual experience of a touchpoint where it is not {@link #DEFAULT_EXPERIENCE}. */
    private static final Map<String, Double> EXPERIENCE = Map.of(
            StoreTouchpoint.CHECKOUT_SHIPPING.label, 0.2,
            StoreTouchpoint.SUPPORT_EMAIL_SLOW.label, 0.15,
            StoreTouchpoint.INFLUENCER_POST.label, 0.62,
            StoreTouchpoint.SIZE_GUIDE.label, 0.62,
            StoreTouchpoint.SUPPORT_CHAT.label, 0.8,
            StoreTouchpoint.STORE_VISIT.label, 0.8);
    private static final double DEFAULT_EXPERIENCE = 0.7;
    private static final double INFLUENCER_FOR_TREND_FOLLOWERS = 0.95;

    private static final Map<String, List<String>> COMPLAINTS = Map.of(
            StoreTouchpoint.CHECKOUT_SHIPPING.label, List.of("Shipping costs only shown at the very end",
                    "Delivery fee higher than the jacket's discount", "Hidden shipping costs, left the checkout"),
            StoreTouchpoint.SUPPORT_EMAIL_SLOW.label, List.of("Waited three days for an answer to a simple question",
                    "Nobody answered my email in time", "Slow support, bought elsewhere"));
    private static final List<String> GENERIC_COMPLAINTS = List.of("Confusing", "Took too long", "Not what I expected");
    private static final List<String> PRAISE = List.of("Loved it", "Quick and easy", "Great choice of styles");
    private static final List<String> INFLUENCER_PRAISE = List.of("Loved the look from the post!",
            "Bought the exact outfit she wore", "Great styling ideas");

    /** One answer, in the columns of {@link #HEADER}; {@code touchpoint} and {@code stage} may be empty. */
    public record Answer(String responseId, String journeyId, String customerId, long timestamp, String touchpoint,
            String stage, int score, String scale, String comment) {
    }

    private final long seed;

    public DemoSurvey(long seed) {
        this.seed = seed;
    }

    /** Streams the answers to the journeys {@code new DemoStore(seed).generate(journeys, ...)} makes. O(events). */
    public void generate(int journeys, Consumer<Answer> sink) {
        List<DemoEvent> journey = new ArrayList<>();
        SplitMix64 random = new SplitMix64(seed);
        new DemoStore(seed).generate(journeys, event -> {
            if (!journey.isEmpty() && !journey.get(0).journeyId().equals(event.journeyId())) {
                answer(journey, random, sink);
                journey.clear();
            }
            journey.add(event);
        });
        if (!journey.isEmpty()) {
            answer(journey, random, sink);
        }
    }

    /** Writes the answers as CSV to {@code file}, replacing it; returns the number of answers. */
    public long write(int journeys, Path file) throws IOException {
        long[] rows = {0};
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
                CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            generate(journeys, answer -> {
                try {
                    printer.printRecord(answer.responseId(), answer.journeyId(), answer.customerId(),
                            IsoTimestamps.format(answer.timestamp()), answer.touchpoint(), answer.stage(),
                            answer.score(), answer.scale(), answer.comment());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    private void answer(List<DemoEvent> events, SplitMix64 random, Consumer<Answer> sink) {
        DemoEvent first = events.get(0);
        random.reseed(SplitMix64.mix(seed ^ 0x5EED5A7EL ^ first.journeyId().hashCode() * 0x9E3779B97F4A7C15L));
        DemoEvent last = events.get(events.size() - 1);
        boolean purchased = events.stream().anyMatch(event -> DemoEvent.PURCHASE.equals(event.type()));
        boolean lost = !purchased;
        boolean trendFollower = Persona.TREND_FOLLOWER.label.equals(first.segment());
        int number = 0;
        double experienceSum = 0;
        int experienced = 0;
        for (DemoEvent event : events) {
            if (DemoEvent.COMPETITOR.equals(event.owner()) || DemoEvent.FRUSTRATION.equals(event.type())) {
                continue;
            }
            double usual = event.touchpoint().equals(StoreTouchpoint.INFLUENCER_POST.label) && trendFollower
                    ? INFLUENCER_FOR_TREND_FOLLOWERS : EXPERIENCE.getOrDefault(event.touchpoint(), DEFAULT_EXPERIENCE);
            double shift = purchased ? 0.15 : lost ? -0.15 : 0;
            if (event == last && DemoEvent.ABANDON.equals(event.type())) {
                shift -= 0.15;
            }
            double noise = (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) * 0.25;
            double experience = Math.max(0, Math.min(1, usual + shift + noise));
            experienceSum += experience;
            experienced++;
            double strength = 2 * Math.abs(experience - 0.5);
            if (random.nextDouble() >= 0.006 + 0.05 * strength * strength) {
                continue;
            }
            String scale = switch (event.channel()) {
                case "support" -> "ces";
                case "social", "tv_radio", "press", "events", "search" -> "rating";
                default -> "csat";
            };
            int min = 1;
            int max = scale.equals("ces") ? 7 : 5;
            int score = (int) Math.round(min + experience * (max - min));
            long at = event.timestamp() + random.logUniform(2 * MINUTE, 2 * 60 * MINUTE);
            sink.accept(new Answer("s-" + first.journeyId() + "-" + (++number), first.journeyId(),
                    first.customerId(), at, event.touchpoint(), event.stage(), score, scale,
                    comment(event.touchpoint(), experience, trendFollower, random)));
        }
        if (purchased && experienced > 0) {
            double mean = experienceSum / experienced;
            double strength = 2 * Math.abs(mean - 0.5);
            if (random.nextDouble() < 0.04 + 0.06 * strength) {
                double noise = (random.nextDouble() + random.nextDouble() - 1) * 2;
                int score = (int) Math.max(0, Math.min(10, Math.round(10 * mean + 1 + noise)));
                sink.accept(new Answer("s-" + first.journeyId() + "-nps", first.journeyId(), first.customerId(),
                        last.timestamp() + random.logUniform(DAY, 3 * DAY), "", "loyalty", score, "nps",
                        score <= 4 ? pick(GENERIC_COMPLAINTS, random) : ""));
            }
        }
    }

    private static String comment(String touchpoint, double experience, boolean trendFollower, SplitMix64 random) {
        if (Math.abs(experience - 0.5) < 0.25 || random.nextDouble() >= 0.4) {
            return "";
        }
        if (experience < 0.5) {
            return pick(COMPLAINTS.getOrDefault(touchpoint, GENERIC_COMPLAINTS), random);
        }
        return pick(trendFollower && touchpoint.equals(StoreTouchpoint.INFLUENCER_POST.label) ? INFLUENCER_PRAISE
                : PRAISE, random);
    }

    private static String pick(List<String> options, SplitMix64 random) {
        return options.get(random.nextInt(options.size()));
    }
}
