package com.journeyexplorer.export;

import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedWeightedPseudograph;

import com.journeyexplorer.analysis.AbsorbingChain;
import com.journeyexplorer.analysis.Busiest;
import com.journeyexplorer.analysis.ExperienceScore;
import com.journeyexplorer.analysis.Flows;
import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.LabelVisits;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.ResponsesByPosition;
import com.journeyexplorer.analysis.TransitionCounts;
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
     *
     * <p>The default graph (every finished journey at raw touchpoints) keeps what does not depend on the pruning or
     * the format with the snapshot ({@link JourneySnapshot#memo}): its nodes and its transitions in the order the
     * pruning takes them, and the flows of the last Sankey options asked for. A later default request then prunes,
     * orders and writes, O(kept links · log kept links + nodes), without a pass over the journeys.
     */
    public static ExportGraph of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            Pruning pruning, FlowOptions flowOptions, ResponsesByPosition responses) {
        boolean everyJourney = selection.equals(JourneySelection.all()) && shaping.equals(PathShaping.touchpoints());
        Whole whole = everyJourney
                ? snapshot.memo(DEFAULT_WHOLE, Whole.class, () -> Whole.of(snapshot, selection, shaping, null))
                : Whole.of(snapshot, selection, shaping, pruning);
        Map<String, ExperienceScore> experience = LabelVisits.experience(snapshot, selection, shaping, responses);

        // The transitions are ordered busiest first, so the links of at least minJourneys journeys lead.
        List<TransitionStats.Transition> kept = new ArrayList<>();
        for (TransitionStats.Transition t : whole.transitions()) {
            if (t.journeys() < pruning.minJourneys() || kept.size() == pruning.maxEdges()) {
                break;
            }
            kept.add(t);
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
        Map<String, ExportNode> nodes = new HashMap<>();
        List<ExportNode> ordered = new ArrayList<>();
        shown.forEach(name -> {
            ExportNode node = whole.nodes().get(name).withExperience(experience.get(name));
            nodes.put(name, node);
            ordered.add(node);
        });
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
        ExportGraph.Meta meta = new ExportGraph.Meta(whole.journeys(),
                shaping.level().name().toLowerCase(Locale.ROOT), shaping.collapseRepeats(), ordered.size(),
                kept.size(), whole.nodes().size(), whole.transitionCount(), pruning.minJourneys(),
                pruning.maxEdges(), snapshot.version(), Touchpoint.STAGES);
        Flows flows;
        if (flowOptions == null) {
            flows = new Flows(List.of(), List.of(), List.of(), whole.journeys());
        } else if (everyJourney) {
            flows = snapshot.memo(DEFAULT_FLOWS, LastFlows.class, LastFlows::new)
                    .of(flowOptions, () -> flows(snapshot, selection, shaping, flowOptions));
        } else {
            flows = flows(snapshot, selection, shaping, flowOptions);
        }
        return new ExportGraph(new AsUnmodifiableGraph<>(graph), meta, flows);
    }

    private static final Object DEFAULT_WHOLE = new Object();
    private static final Object DEFAULT_FLOWS = new Object();

    private static Flows flows(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            FlowOptions options) {
        return Flows.of(snapshot, selection, shaping, options.steps(), options.topPerStep());
    }

    /**
     * The graph of a selection before pruning: every node (start, the finished outcomes and every end of a
     * transition) by name, without survey responses, and the transitions ordered as the pruning takes them: most
     * journeys first, then by source id, target id, the path to purchase before the post-purchase part. Every
     * transition, for the default graph kept with the snapshot; for any other, only those {@code pruning} keeps,
     * chosen by selection ({@link Busiest}) and the only ones timed: a clickstream selection has hundreds of
     * thousands.
     *
     * @param transitionCount all transitions of the selection, listed or not
     * @param journeys        selected journeys, weighted
     */
    private record Whole(Map<String, ExportNode> nodes, List<TransitionStats.Transition> transitions,
            int transitionCount, long journeys) {

        /**
         * Two passes over the journeys: the visits on a second core while this thread counts the transitions, then
         * solves the chain of their paths to purchase (probabilities only, no timings; the default graph's chain is
         * kept with the snapshot). {@code pruning} null: every transition.
         */
        static Whole of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping, Pruning pruning) {
            ForkJoinTask<Map<String, long[]>> visits = ForkJoinPool.commonPool()
                    .submit(() -> LabelVisits.of(snapshot, selection, shaping));
            TransitionCounts transitions = TransitionCounts.of(snapshot, selection, shaping, true);
            AbsorbingChain chain = TransitionGraph.isMemoized(selection, shaping)
                    ? TransitionGraph.withoutTimings(snapshot, selection, shaping).absorbingChain()
                    : TransitionGraph.of(transitions, false).absorbingChain();
            Map<String, LabelInfo> labels = labelInfo(snapshot, shaping);
            Map<String, long[]> presence = visits.join();

            boolean[] joined = new boolean[transitions.nodeCount()];
            for (int t = 0; t < transitions.size(); t++) {
                joined[transitions.from(t)] = true;
                joined[transitions.to(t)] = true;
            }
            Set<String> names = new HashSet<>();
            names.add(TransitionGraph.START);
            for (Outcome outcome : Outcome.values()) {
                if (outcome.isFinished()) {
                    names.add(outcome.nodeName());
                }
            }
            for (int node = 0; node < joined.length; node++) {
                if (joined[node]) {
                    names.add(transitions.nodeName(node));
                }
            }
            // with open journeys in the graph the outcome probabilities sum to 1 only with the open one beside them
            boolean open = names.contains(Outcome.OPEN.nodeName());
            Map<String, ExportNode> nodes = new HashMap<>();
            for (String name : names) {
                nodes.put(name, node(name, labels.get(name), presence.getOrDefault(name, new long[2]), chain,
                        transitions.journeys(), open));
            }
            // by export id: a transition's order key is its source's rank, its target's, then its part
            String[] ids = nodes.values().stream().map(ExportNode::id).sorted().toArray(String[]::new);
            long[] idRank = new long[transitions.nodeCount()];
            for (int node = 0; node < idRank.length; node++) {
                idRank[node] = joined[node]
                        ? Arrays.binarySearch(ids, nodes.get(transitions.nodeName(node)).id()) : -1;
            }
            IntToLongFunction order = t -> idRank[transitions.from(t)] << 32 | idRank[transitions.to(t)] << 1
                    | (transitions.postPurchase(t) ? 1 : 0);
            int[] chosen = IntStream.range(0, transitions.size())
                    .filter(t -> pruning == null || transitions.journeys(t) >= pruning.minJourneys()).toArray();
            if (pruning != null) {
                chosen = Busiest.of(chosen, transitions::journeys, t -> 0, order, pruning.maxEdges());
            }
            int[] ordered = Arrays.stream(chosen).boxed()
                    .sorted(Comparator.comparingLong((Integer t) -> transitions.journeys(t)).reversed()
                            .thenComparingLong(order::applyAsLong))
                    .mapToInt(Integer::intValue).toArray();
            return new Whole(Map.copyOf(nodes), List.copyOf(transitions.transitions(ordered)), transitions.size(),
                    transitions.journeys());
        }
    }

    /**
     * The flows of the default graph for the last Sankey options asked for: one entry, so that what a snapshot
     * keeps stays bounded whichever options come (a few hundred nodes and links at most).
     */
    private static final class LastFlows {

        private record Entry(FlowOptions options, Flows flows) {
        }

        private final AtomicReference<Entry> last = new AtomicReference<>();

        Flows of(FlowOptions options, Supplier<Flows> compute) {
            Entry entry = last.get();
            if (entry != null && entry.options().equals(options)) {
                return entry.flows();
            }
            Flows flows = compute.get();
            last.set(new Entry(options, flows));
            return flows;
        }
    }

    /**
     * The stable id of the node named {@code name}; a label's is {@code label:} and the label with {@code %},
     * {@code :} and {@code >} percent-encoded ({@link #labelId}).
     */
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
        return labelId(name);
    }

    /**
     * {@code label:} and {@code label} with {@code %}, {@code :} and {@code >} written {@code %25}, {@code %3A} and
     * {@code %3E}, so that no node id holds {@code ->} or a second colon: a link id {@code source->target[:post]}
     * then never equals a node id (Cytoscape.js keeps both in one id space) nor another link's, whatever a channel,
     * stage or group is named ({@code a->label:b} would be the id of the link from {@code a} to {@code b},
     * {@code x:post} the post-purchase link's into {@code x}). Other labels keep their ids.
     */
    static String labelId(String label) {
        StringBuilder id = new StringBuilder(label.length() + 6).append("label:");
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            switch (c) {
                case '%' -> id.append("%25");
                case ':' -> id.append("%3A");
                case '>' -> id.append("%3E");
                default -> id.append(c);
            }
        }
        return id.toString();
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
                int index = node.stage() == null ? -1
                        : Touchpoint.STAGES.indexOf(node.stage().toLowerCase(Locale.ROOT));
                yield index < 0 ? Touchpoint.STAGES.size() : index;
            }
        };
    }

    private static ExportNode node(String name, LabelInfo info, long[] presence, AbsorbingChain chain,
            long journeys, boolean open) {
        String id = id(name, info);
        Double purchase = null;
        Double abandon = null;
        Double divert = null;
        Double stayOpen = null;
        // no journey selected: no probabilities at all, rather than a start that goes nowhere with certainty 0
        if (chain.nodes().contains(name) && journeys > 0) {
            purchase = chain.probability(name, Outcome.PURCHASE);
            abandon = chain.probability(name, Outcome.ABANDONED);
            divert = chain.probability(name, Outcome.DIVERTED);
            stayOpen = open ? chain.probability(name, Outcome.OPEN) : null;
        }
        if (id.equals(ExportNode.START_ID)) {
            return new ExportNode(id, name, "start", "", "start", "own", journeys, journeys, purchase, abandon,
                    divert, stayOpen);
        }
        if (info == null) {
            return new ExportNode(id, name, "outcome", "", "outcome", name.equals(Outcome.DIVERTED.nodeName())
                    ? "competitor" : "own", presence[0], presence[1], purchase, abandon, divert, stayOpen);
        }
        return new ExportNode(id, name, info.touchpointId() >= 0 ? "touchpoint" : "label", info.channel(),
                info.stage(), info.competitor() ? "competitor" : "own", presence[0], presence[1], purchase, abandon,
                divert, stayOpen);
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
