package com.journeyexplorer.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.JourneyCounts;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.TouchpointCounts;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.graph.TransitionCache;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

import jakarta.servlet.http.HttpServletRequest;

/** The minimal read API: counts, touchpoints and single journeys ({@code /api/transitions}: TransitionsController). */
@RestController
@RequestMapping("/api")
class GraphReadController {

    private final JourneyProjection projection;
    private final TransitionCache transitions;

    GraphReadController(JourneyProjection projection, TransitionCache transitions) {
        this.projection = projection;
        this.transitions = transitions;
    }

    record StatsAnswer(long journeys, long journeyRecords, long events, int touchpoints, int transitions,
            Map<Outcome, Long> outcomes) {
    }

    @GetMapping("/stats")
    StatsAnswer stats(HttpServletRequest request) {
        KnownParameters.require(request, Set.of(), "the counts of filtered journeys are in /api/summary");
        JourneySnapshot snapshot = projection.current();
        return new StatsAnswer(snapshot.journeyCount(), snapshot.journeys().size(), snapshot.eventCount(),
                snapshot.touchpoints().size(), transitions.of(snapshot).transitions().size(),
                JourneyCounts.of(snapshot).outcomes());
    }

    /** {@code channel} and {@code stage} are null (absent) when the data gives none. */
    record TouchpointSummary(int id, String name, String channel, String stage, String owner, long journeys,
            long events) {
        TouchpointSummary {
            channel = JsonText.absentIfEmpty(channel);
            stage = JsonText.absentIfEmpty(stage);
        }
    }

    @GetMapping("/touchpoints")
    List<TouchpointSummary> touchpoints(HttpServletRequest request) {
        KnownParameters.require(request, Set.of(), "per filtered journeys: /api/summary and /api/graph");
        JourneySnapshot snapshot = projection.current();
        TouchpointCounts counts = TouchpointCounts.of(snapshot);
        List<TouchpointSummary> result = new ArrayList<>(snapshot.touchpoints().size());
        for (Touchpoint t : snapshot.touchpoints()) {
            result.add(new TouchpointSummary(t.id(), t.name(), t.channel(), t.stage(), t.owner().label(),
                    counts.journeys(t.id()), counts.events(t.id())));
        }
        return result;
    }

    /** One step; {@code attributes} are its event attributes (extra columns that vary within the journey). */
    record Step(int index, String touchpoint, String channel, String stage, Instant at, String type,
            String eventId, Map<String, String> attributes) {
        Step {
            channel = JsonText.absentIfEmpty(channel);
            stage = JsonText.absentIfEmpty(stage);
        }
    }

    /** {@code customerId}, {@code segment} and {@code device} are null (absent) when the data gives none. */
    record JourneyAnswer(String id, String customerId, Outcome outcome, Instant startedAt, Instant endedAt,
            String segment, String device, double value, int weight, int pathToPurchaseLength,
            Map<String, String> attributes, List<Step> steps) {
        JourneyAnswer {
            customerId = JsonText.absentIfEmpty(customerId);
            segment = JsonText.absentIfEmpty(segment);
            device = JsonText.absentIfEmpty(device);
        }
    }

    @GetMapping("/journeys/{id}")
    JourneyAnswer journey(@PathVariable String id, HttpServletRequest request) {
        KnownParameters.require(request, Set.of(), null);
        return journey(id);
    }

    /**
     * The same by query parameter, which carries any id: an id that is {@code .} or {@code ..} cannot pass in a path,
     * even percent-encoded, as such a segment names another address.
     */
    @GetMapping("/journeys")
    JourneyAnswer journeyById(@RequestParam(required = false) String id, HttpServletRequest request) {
        KnownParameters.require(request, Set.of("id"), null);
        return journey(requiredId(id, "the journey's id: /api/journeys?id=..."));
    }

    /** A required {@code id} parameter, or a 400 saying what it names. */
    static String requiredId(String id, String what) {
        if (id == null || id.isEmpty()) {
            throw new InvalidParameterException("id", "is required: " + what);
        }
        return id;
    }

    private JourneyAnswer journey(String id) {
        JourneySnapshot snapshot = projection.current();
        Journey journey = snapshot.journey(id).orElseThrow(() -> new NotFoundException("journey", id));
        List<Step> steps = new ArrayList<>(journey.length());
        for (int i = 0; i < journey.length(); i++) {
            Touchpoint touchpoint = snapshot.touchpoint(journey.steps()[i]);
            steps.add(new Step(i, touchpoint.name(), touchpoint.channel(), touchpoint.stage(),
                    journey.isTimed() ? Instant.ofEpochMilli(journey.time(i)) : null,
                    journey.type(i).name().toLowerCase(java.util.Locale.ROOT), journey.eventId(i),
                    eventAttributes(journey, i)));
        }
        return new JourneyAnswer(journey.id(), journey.customerId(), journey.outcome(),
                journey.isTimed() ? Instant.ofEpochMilli(journey.startedAt()) : null,
                journey.isTimed() ? Instant.ofEpochMilli(journey.endedAt()) : null,
                journey.segment(), journey.device(), journey.value(), journey.weight(), journey.pathLength(),
                journey.attributes(), steps);
    }

    private static Map<String, String> eventAttributes(Journey journey, int step) {
        if (journey.events().isEmpty()) {
            return Map.of();
        }
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        for (String column : journey.events().columns()) {
            String value = journey.events().value(column, step);
            if (value != null) {
                attributes.put(column, value);
            }
        }
        return attributes;
    }
}
