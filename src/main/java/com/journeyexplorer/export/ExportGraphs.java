package com.journeyexplorer.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedWeightedPseudograph;

import com.journeyexplorer.analysis.AbsorbingChain;
import com.journeyexplorer.analysis.ExperienceScore;
import com.journeyexplorer.analysis.Flows;
import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.LabelVisits;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.ResponsesByPosition;
import com.journeyexplorer.analysis.TransitionGraph;
import com.journeyexplorer.analysis.TransitionStats;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Builds the {@link ExportGraph} of a selection: the transitions that {@code /api/transitions} counts (the paths to
 * purchase, whose purchase link leaves the purchase event, then the post-purchase links, flagged), node attributes
 * from the touchpoints, each node's outcome probabilities from the absorbing chain of the paths to purchase
 * ({@link AbsorbingChain}, sparse), then {@link Pruning}. O(events + edges) plus the chain's cycles; the passes over
 * the journeys for the node visits and the chain run beside the one counting the transitions.
 */
public final class ExportGraphs {

    private ExportGraphs() {
    }

    /** Flows options for the Sankey format; {@code steps} and {@code topPerStep} at least 1. */
    public record FlowOptions(int steps, int topPerStep) {
    }

    /** The export; {@code flowOptions} null leaves {@link ExportGraph#flows()} empty. */
    public static ExportGraph of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            Pruning pruning, FlowOptions flowOptions) {
        return of(snapshot, selection, shaping, pruning, flowOptions, ResponsesByPosition.none());
    }

    /**
     * As {@link #of(JourneySnapshot, JourneySelection, PathShaping, Pruning, FlowOptions)}, and each node carries the
     * survey responses about the selected journeys passing through it and their mean normalized score
     * ({@link LabelVisits#experience}), where there are any. O(responses · steps of the answered journey) on top.
     */
    public static ExportGraph of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            Pruning pruning, FlowOptions flowOptions, ResponsesByPosition responses) {
        // Three independent passes over the journeys: the visits and the chain on a second core while this thread
        // counts the transitions. The chain needs probabilities only, no timings (and the default graph is kept with
        // the snapshot).
        ForkJoinTask<Map<String, long[]>> visits = ForkJoinPool.commonPool()
                .submit(() -> LabelVisits.of(snapshot, selection, shaping));
        ForkJoinTask<AbsorbingChain> absorbing = ForkJoinPool.commonPool().submit(
                () -> AbsorbingChain.of(TransitionGraph.withoutTimings(snapshot, selection, shaping)));
        TransitionStats transitions = TransitionStats.of(snapshot, selection, shaping, true);
        Map<String, LabelInfo> labels = labelInfo(snapshot, shaping);
        Map<String, ExperienceScore> experience = LabelVisits.experience(snapshot, selection, shaping, responses);
        Map<String, long[]> presence = visits.join();
        AbsorbingChain chain = absorbing.join();

        Map<String, ExportNode> nodes = new HashMap<>();
        Set<String> names = new HashSet<>();
        names.add(TransitionGraph.START);
        for (Outcome outcome : Outcome.values()) {
            if (outcome.isFinished()) {
                names.add(outcome.nodeName());
            }
        }
        transitions.transitions().forEach(t -> {
            names.add(t.from());
            names.add(t.to());
        });
        for (String name : names) {
            nodes.put(name, node(name, labels.get(name), presence.getOrDefault(name, new long[2]), chain,
                    transitions.journeys()).withExperience(experience.get(name)));
        }

        List<TransitionStats.Transition> kept = new ArrayList<>();
        for (TransitionStats.Transition t : transitions.transitions()) {
            if (t.journeys() >= pruning.minJourneys()) {
                kept.add(t);
            }
        }
        kept.sort(Comparator.comparingLong(TransitionStats.Transition::journeys).reversed()
                .thenComparing(t -> nodes.get(t.from()).id())
                .thenComparing(t -> nodes.get(t.to()).id())
                .thenComparing(TransitionStats.Transition::postPurchase));
        if (kept.size() > pruning.maxEdges()) {
            kept = kept.subList(0, pruning.maxEdges());
        }

        Set<String> shown = new LinkedHashSet<>();
        kept.forEach(t -> {
            shown.add(t.from());
            shown.add(t.to());
        });
        shown.add(TransitionGraph.START);
        for (Outcome outcome : Outcome.values()) {
            if (outcome.isFinished()) {
                shown.add(outcome.nodeName());
            }
        }
        List<ExportNode> ordered = new ArrayList<>();
        shown.forEach(name -> ordered.add(nodes.get(name)));
        ordered.sort(Comparator.comparingInt(ExportGraphs::rank)
                .thenComparing(Comparator.comparingLong(ExportNode::journeys).reversed())
                .thenComparing(ExportNode::id));

        // A pseudograph: a post-purchase link may join the same two nodes as a link on the way to purchase.
        Graph<ExportNode, ExportLink> graph = new DirectedWeightedPseudograph<>(ExportLink.class);
        ordered.forEach(graph::addVertex);
        for (TransitionStats.Transition t : kept) {
            ExportNode from = nodes.get(t.from());
            ExportNode to = nodes.get(t.to());
            boolean timed = !t.timing().isEmpty();
            ExportLink link = new ExportLink(from.id(), to.id(), t.journeys(), t.count(), t.probability(),
                    timed ? t.timing().medianSeconds() : null, timed ? t.timing().meanSeconds() : null,
                    isDiversion(from, to), t.postPurchase());
            graph.addEdge(from, to, link);
            graph.setEdgeWeight(link, t.journeys());
        }
        ExportGraph.Meta meta = new ExportGraph.Meta(transitions.journeys(),
                shaping.level().name().toLowerCase(Locale.ROOT), shaping.collapseRepeats(), ordered.size(),
                kept.size(), names.size(), transitions.transitions().size(), pruning.minJourneys(),
                pruning.maxEdges(), snapshot.version(), Touchpoint.STAGES);
        Flows flows = flowOptions == null ? new Flows(List.of(), List.of(), List.of(), transitions.journeys())
                : Flows.of(snapshot, selection, shaping, flowOptions.steps(), flowOptions.topPerStep());
        return new ExportGraph(new AsUnmodifiableGraph<>(graph), meta, flows);
    }

    /** The stable id of the node named {@code name}. */
    static String id(String name, LabelInfo info) {
        if (TransitionGraph.START.equals(name)) {
            return ExportNode.START_ID;
        }
        for (Outcome outcome : Outcome.values()) {
            if (outcome.nodeName().equals(name)) {
                return outcome.name().toLowerCase(Locale.ROOT);
            }
        }
        if (info != null && info.touchpointId() >= 0) {
            return "t" + info.touchpointId();
        }
        return "label:" + name;
    }

    private static boolean isDiversion(ExportNode from, ExportNode to) {
        if (to.id().equals("diverted")) {
            return true;
        }
        return to.isCompetitor() && !from.isCompetitor();
    }

    private static int rank(ExportNode node) {
        return switch (node.kind()) {
            case "start" -> -1;
            case "outcome" -> 100;
            default -> {
                int index = node.stage() == null ? -1 : Touchpoint.STAGES.indexOf(node.stage().toLowerCase(Locale.ROOT));
                yield index < 0 ? Touchpoint.STAGES.size() : index;
            }
        };
    }

    private static ExportNode node(String name, LabelInfo info, long[] presence, AbsorbingChain chain,
            long journeys) {
        String id = id(name, info);
        Double purchase = null;
        Double abandon = null;
        Double divert = null;
        if (chain.nodes().contains(name)) {
            purchase = chain.probability(name, Outcome.PURCHASE);
            abandon = chain.probability(name, Outcome.ABANDONED);
            divert = chain.probability(name, Outcome.DIVERTED);
        }
        if (id.equals(ExportNode.START_ID)) {
            return new ExportNode(id, name, "start", "", "start", "own", journeys, journeys, purchase, abandon,
                    divert);
        }
        if (info == null) {
            return new ExportNode(id, name, "outcome", "", "outcome", name.equals(Outcome.DIVERTED.nodeName())
                    ? "competitor" : "own", presence[0], presence[1], purchase, abandon, divert);
        }
        return new ExportNode(id, name, info.touchpointId() >= 0 ? "touchpoint" : "label", info.channel(),
                info.stage(), info.competitor() ? "competitor" : "own", presence[0], presence[1], purchase, abandon,
                divert);
    }

    /** What the touchpoints behind one label have in common. */
    record LabelInfo(int touchpointId, String channel, String stage, boolean competitor) {
    }

    private static Map<String, LabelInfo> labelInfo(JourneySnapshot snapshot, PathShaping shaping) {
        Map<String, List<Touchpoint>> byLabel = new HashMap<>();
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            byLabel.computeIfAbsent(shaping.label(touchpoint), key -> new ArrayList<>()).add(touchpoint);
        }
        Map<String, LabelInfo> result = new HashMap<>();
        byLabel.forEach((label, touchpoints) -> {
            Set<String> channels = new HashSet<>();
            Map<String, Integer> stages = new HashMap<>();
            boolean competitor = true;
            int touchpointId = -1;
            for (Touchpoint touchpoint : touchpoints) {
                channels.add(touchpoint.channel());
                stages.merge(touchpoint.stage(), 1, Integer::sum);
                competitor &= touchpoint.isCompetitor();
                if (touchpoints.size() == 1 && touchpoint.name().equals(label)) {
                    touchpointId = touchpoint.id();
                }
            }
            String stage = stages.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse("");
            result.put(label, new LabelInfo(touchpointId, channels.size() == 1 ? channels.iterator().next() : "",
                    stage, competitor));
        });
        return result;
    }
}
