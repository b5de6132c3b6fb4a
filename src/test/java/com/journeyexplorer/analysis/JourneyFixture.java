package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.OutcomeRule;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.journeyexplorer.demo.Clickstream;
import com.journeyexplorer.demo.DemoStore;
import com.journeyexplorer.demo.JourneyGenerator;
import com.journeyexplorer.demo.DemoEvent;

/**
 * Builds snapshots from journeys written as strings: {@code "A>B>buy!"} is three steps, {@code !} marking a purchase
 * event; {@code "A@0>B@3600"} gives step times in seconds from the journey's start (default: one minute apart).
 * Touchpoints not declared are created as own touchpoints without channel or stage.
 */
final class JourneyFixture {

    static final long DAY = 86_400_000L;

    private final List<Touchpoint> touchpoints = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<Journey> journeys = new ArrayList<>();

    JourneyFixture touchpoint(String name, String channel, String stage) {
        return declare(name, channel, stage, Owner.OWN);
    }

    JourneyFixture competitor(String name, String channel, String stage) {
        return declare(name, channel, stage, Owner.COMPETITOR);
    }

    JourneyFixture competitors(String... names) {
        for (String name : names) {
            declare(name, "", "", Owner.COMPETITOR);
        }
        return this;
    }

    JourneyFixture journeys(String... specs) {
        for (String spec : specs) {
            journey(spec, 1, true, "", "", Map.of());
        }
        return this;
    }

    JourneyFixture aggregated(String spec, int weight) {
        return journey(spec, weight, false, "", "", Map.of());
    }

    JourneyFixture journey(String spec, int weight, boolean timed, String segment, String device,
            Map<String, String> attributes) {
        String[] parts = spec.split(">");
        int[] steps = new int[parts.length];
        long[] times = new long[timed ? parts.length : 0];
        byte[] types = new byte[parts.length];
        long start = journeys.size() * DAY;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            long offset = i * 60L;
            int at = part.indexOf('@');
            if (at >= 0) {
                offset = Long.parseLong(part.substring(at + 1));
                part = part.substring(0, at);
            }
            boolean purchase = part.endsWith("!");
            if (purchase) {
                part = part.substring(0, part.length() - 1);
            }
            steps[i] = id(part);
            types[i] = (purchase ? EventType.PURCHASE : EventType.TOUCHPOINT).code();
            if (timed) {
                times[i] = start + offset * 1000;
            }
        }
        Outcome outcome = OutcomeRule.outcomeOf(steps, types, touchpoints);
        journeys.add(new Journey("j" + journeys.size(), null, steps, times, types, null, outcome,
                OutcomeRule.firstPurchase(types), 0.0, weight, segment, device, attributes));
        return this;
    }

    JourneySnapshot snapshot() {
        return new JourneySnapshot(touchpoints, journeys, 1);
    }

    static JourneySnapshot snapshot(String... specs) {
        return new JourneyFixture().journeys(specs).snapshot();
    }

    /**
     * Random journeys over own touchpoints A..D, competitors X and Y and the purchase touchpoint buy: 1 to 6 steps, a
     * purchase (sometimes followed by more steps) in about a third, weights 1 to 3.
     */
    static JourneySnapshot random(long seed, int count) {
        Random random = new Random(seed);
        JourneyFixture fixture = new JourneyFixture().competitors("X", "Y");
        String[] names = {"A", "B", "C", "D", "X", "Y"};
        for (int j = 0; j < count; j++) {
            List<String> steps = new ArrayList<>();
            int length = 1 + random.nextInt(6);
            for (int i = 0; i < length; i++) {
                steps.add(names[random.nextInt(names.length)]);
            }
            if (random.nextInt(3) == 0) {
                steps.add(1 + random.nextInt(length), "buy!");
            }
            fixture.journey(String.join(">", steps), 1 + random.nextInt(3), random.nextBoolean(), "", "", Map.of());
        }
        return fixture.snapshot();
    }

    /**
     * Random journeys for cross-checks of filters and shaping: own touchpoints A..E over two channels and stages,
     * competitors X and Y, a purchase touchpoint buy; 1 to 8 steps with repeats, weights 1 to 4, timed or not (an
     * aggregated record), segments s1/s2, devices, an attribute, and sometimes steps after a purchase.
     */
    static JourneySnapshot varied(long seed, int count) {
        Random random = new Random(seed);
        JourneyFixture fixture = new JourneyFixture()
                .touchpoint("A", "search", "awareness").touchpoint("B", "search", "consideration")
                .touchpoint("C", "web", "consideration").touchpoint("D", "web", "").touchpoint("E", "", "loyalty")
                .competitor("X", "web", "consideration").competitor("Y", "", "")
                .touchpoint("buy", "web", "purchase");
        String[] names = {"A", "B", "C", "D", "E", "X", "Y", "A", "B"};
        for (int j = 0; j < count; j++) {
            List<String> steps = new ArrayList<>();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                steps.add(names[random.nextInt(names.length)] + "@" + (i * 600 + random.nextInt(500)));
            }
            if (random.nextInt(3) == 0) {
                int at = 1 + random.nextInt(length);
                steps.add(at, "buy!@" + (at * 600 - 50));
            }
            fixture.journey(String.join(">", steps), 1 + random.nextInt(4), random.nextInt(4) != 0,
                    "s" + (1 + random.nextInt(2)), random.nextBoolean() ? "mobile" : "desktop",
                    Map.of("campaign", random.nextBoolean() ? "spring" : "summer"));
        }
        return fixture.snapshot();
    }

    /**
     * The snapshot with every fifth journey that has no purchase made OPEN (still in progress), so that selections
     * with and without open journeys differ.
     */
    static JourneySnapshot withOpenJourneys(JourneySnapshot snapshot) {
        List<Journey> journeys = new ArrayList<>(snapshot.journeys().size());
        int withoutPurchase = 0;
        for (Journey journey : snapshot.journeys()) {
            boolean open = journey.outcome() != Outcome.PURCHASE && withoutPurchase++ % 5 == 0;
            journeys.add(open ? journey.withOutcome(Outcome.OPEN) : journey);
        }
        return new JourneySnapshot(snapshot.touchpoints(), journeys, snapshot.version());
    }

    /**
     * A web shop's clickstream from the generator ({@link Clickstream}): {@code journeys} journeys over a site of
     * {@code touchpoints} pages and events (only those visited become touchpoints), with the generated segments,
     * devices, times, purchase and abandon events; a small, realistic fixture with many touchpoints.
     */
    static JourneySnapshot clickstream(long seed, int journeys, int touchpoints) {
        return generated(new Clickstream(seed, touchpoints), journeys);
    }

    /** The demo store from its generator ({@link DemoStore}): {@code journeys} journeys of seed {@code seed}. */
    static JourneySnapshot demo(long seed, int journeys) {
        return generated(new DemoStore(seed), journeys);
    }

    private static JourneySnapshot generated(JourneyGenerator generator, int journeys) {
        JourneyFixture fixture = new JourneyFixture();
        List<DemoEvent> events = new ArrayList<>();
        generator.generate(journeys, event -> {
            if (!events.isEmpty() && !events.get(0).journeyId().equals(event.journeyId())) {
                fixture.generated(events);
                events.clear();
            }
            events.add(event);
        });
        if (!events.isEmpty()) {
            fixture.generated(events);
        }
        return fixture.snapshot();
    }

    private void generated(List<DemoEvent> events) {
        int[] steps = new int[events.size()];
        long[] times = new long[steps.length];
        byte[] types = new byte[steps.length];
        for (int i = 0; i < steps.length; i++) {
            DemoEvent event = events.get(i);
            if (!ids.containsKey(event.touchpoint())) {
                declare(event.touchpoint(), event.channel(), event.stage(),
                        event.owner().equals(DemoEvent.COMPETITOR) ? Owner.COMPETITOR : Owner.OWN);
            }
            steps[i] = ids.get(event.touchpoint());
            times[i] = event.timestamp();
            types[i] = switch (event.type()) {
                case DemoEvent.PURCHASE -> EventType.PURCHASE.code();
                case DemoEvent.ABANDON -> EventType.ABANDON.code();
                default -> EventType.TOUCHPOINT.code();
            };
        }
        DemoEvent first = events.get(0);
        journeys.add(new Journey(first.journeyId(), first.customerId(), steps, times, types, null,
                OutcomeRule.outcomeOf(steps, types, touchpoints), OutcomeRule.firstPurchase(types),
                events.stream().mapToDouble(DemoEvent::value).sum(), 1, first.segment(), first.device(), Map.of()));
    }

    private JourneyFixture declare(String name, String channel, String stage, Owner owner) {
        ids.put(name, touchpoints.size());
        touchpoints.add(new Touchpoint(touchpoints.size(), name, channel, stage, owner));
        return this;
    }

    private int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            declare(name, "", "", Owner.OWN);
            id = ids.get(name);
        }
        return id;
    }
}
