package com.journeyexplorer.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Generated journeys grouped back from the event stream, with the statistics the planted stories are about. */
final class GeneratedJourneys {

    enum Outcome { PURCHASE, ABANDONED, DIVERTED }

    record Journey(String id, String segment, List<DemoEvent> events) {

        Outcome outcome() {
            if (events.stream().anyMatch(e -> e.type().equals(DemoEvent.PURCHASE))) {
                return Outcome.PURCHASE;
            }
            return last().owner().equals(DemoEvent.COMPETITOR) ? Outcome.DIVERTED : Outcome.ABANDONED;
        }

        DemoEvent last() {
            return events.get(events.size() - 1);
        }

        boolean visits(String touchpoint) {
            return events.stream().anyMatch(e -> e.touchpoint().equals(touchpoint));
        }
    }

    /** An own -> competitor edge with how often it is taken and how many journeys end diverted after taking it. */
    record Diversion(String from, String to, int taken, int outgoing, int journeysLost) {
        double rate() {
            return (double) taken / outgoing;
        }
    }

    /** Journeys ending abandoned at a touchpoint, out of the journeys that visit it. */
    record Abandonment(String touchpoint, int exits, int journeys) {
        double rate() {
            return (double) exits / journeys;
        }
    }

    final List<Journey> journeys = new ArrayList<>();

    static GeneratedJourneys of(long seed, int count) {
        return of(new DemoStore(seed), count);
    }

    static GeneratedJourneys of(JourneyGenerator generator, int count) {
        GeneratedJourneys result = new GeneratedJourneys();
        generator.generate(count, event -> {
            List<Journey> all = result.journeys;
            if (all.isEmpty() || !all.get(all.size() - 1).id().equals(event.journeyId())) {
                all.add(new Journey(event.journeyId(), event.segment(), new ArrayList<>()));
            }
            all.get(all.size() - 1).events().add(event);
        });
        return result;
    }

    double share(Outcome outcome) {
        return (double) journeys.stream().filter(j -> j.outcome() == outcome).count() / journeys.size();
    }

    static double purchaseRate(List<Journey> subset) {
        return (double) subset.stream().filter(j -> j.outcome() == Outcome.PURCHASE).count() / subset.size();
    }

    List<Journey> where(Predicate<Journey> filter) {
        return journeys.stream().filter(filter).toList();
    }

    /** Per touchpoint visited by at least {@code minShare} of journeys, sorted by exits descending. */
    List<Abandonment> abandonments(double minShare) {
        Map<String, Integer> exits = new HashMap<>();
        Map<String, Integer> visits = new HashMap<>();
        for (Journey journey : journeys) {
            Set<String> seen = new HashSet<>();
            journey.events().forEach(e -> seen.add(e.touchpoint()));
            seen.forEach(t -> visits.merge(t, 1, Integer::sum));
            if (journey.outcome() == Outcome.ABANDONED) {
                exits.merge(journey.last().touchpoint(), 1, Integer::sum);
            }
        }
        return visits.entrySet().stream()
                .filter(v -> v.getValue() >= minShare * journeys.size())
                .map(v -> new Abandonment(v.getKey(), exits.getOrDefault(v.getKey(), 0), v.getValue()))
                .sorted((a, b) -> Integer.compare(b.exits(), a.exits()))
                .toList();
    }

    /** Every own -> competitor edge, sorted by rate descending. */
    List<Diversion> diversions() {
        Map<String, Integer> outgoing = new HashMap<>();
        Map<List<String>, Integer> taken = new HashMap<>();
        Map<List<String>, Integer> lost = new HashMap<>();
        for (Journey journey : journeys) {
            Set<List<String>> edgesHere = new HashSet<>();
            List<DemoEvent> events = journey.events();
            for (int i = 0; i + 1 < events.size(); i++) {
                DemoEvent from = events.get(i);
                DemoEvent to = events.get(i + 1);
                outgoing.merge(from.touchpoint(), 1, Integer::sum);
                if (from.owner().equals(DemoEvent.OWN) && to.owner().equals(DemoEvent.COMPETITOR)) {
                    List<String> edge = List.of(from.touchpoint(), to.touchpoint());
                    taken.merge(edge, 1, Integer::sum);
                    edgesHere.add(edge);
                }
            }
            if (journey.outcome() == Outcome.DIVERTED) {
                edgesHere.forEach(edge -> lost.merge(edge, 1, Integer::sum));
            }
        }
        return taken.entrySet().stream()
                .map(e -> new Diversion(e.getKey().get(0), e.getKey().get(1), e.getValue(),
                        outgoing.get(e.getKey().get(0)), lost.getOrDefault(e.getKey(), 0)))
                .sorted((a, b) -> Double.compare(b.rate(), a.rate()))
                .toList();
    }
}
