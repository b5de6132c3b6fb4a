package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.AbsorbingChain;
import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.LikelyPath;
import com.journeyexplorer.analysis.LikelyPaths;
import com.journeyexplorer.analysis.ObservedPaths;
import com.journeyexplorer.analysis.PathVariant;
import com.journeyexplorer.analysis.ResponsesByPosition;
import com.journeyexplorer.analysis.TopPaths;
import com.journeyexplorer.analysis.TransitionGraph;
import com.journeyexplorer.analysis.TwoHalves;
import com.journeyexplorer.export.CleanNumbers;
import com.journeyexplorer.graph.FeedbackGraph;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.journey.Outcome;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The most frequent observed paths, and the most probable paths of the Markov chain built from them. */
@RestController
@RequestMapping("/api/paths")
@Tag(name = "Paths")
class PathsController {

    static final int MAX_LIMIT = 1000;
    static final int MAX_K = 100;

    static final EndpointParameters TOP = EndpointParameters.of(
            QueryParameter.integer("limit", 1, MAX_LIMIT, 10, "How many variants to list, 1.." + MAX_LIMIT));

    static final EndpointParameters LIKELY = EndpointParameters.of(
            QueryParameter.text("outcome", "The outcome the paths lead to")
                    .allowing(List.of("purchase", "abandoned", "diverted"), "purchase")
                    .readWith(PathsController::target),
            QueryParameter.integer("k", 1, MAX_K, 10, "How many paths, 1.." + MAX_K));

    private final JourneyProjection projection;
    private final FeedbackGraph feedback;

    PathsController(JourneyProjection projection, FeedbackGraph feedback) {
        this.projection = projection;
        this.feedback = feedback;
    }

    /**
     * One path variant; the durations (first to last event of the path) are null when no journey is timed.
     * {@code responses} and {@code meanScore}: the survey responses about its journeys and their mean normalized
     * score (0..1), both left out where there are none.
     */
    record Variant(List<String> steps, long journeys, double share, double purchaseRate, Double medianSeconds,
            Double p90Seconds, Long responses,
            Double meanScore) {
    }

    /** The variants not listed. */
    record Other(long variants, long journeys, Double share) {
    }

    /** {@code variants} journeys plus {@code other.journeys} equal {@code total}. */
    record TopPathsAnswer(long total, long distinctVariants, List<Variant> variants, Other other) {
    }

    @GetMapping("/top")
    @Operation(summary = "Most frequent path variants", description = "Groups the selected journeys by their "
            + "shaped path, most frequent first (ties by steps). With outcome=purchase a path ends at the first "
            + "purchase; otherwise whole journeys. The variants not listed are summed in 'other', so listed journeys "
            + "plus other.journeys equal total. Where survey responses are about a variant's journeys, it carries "
            + "their count (responses) and mean normalized score (meanScore, 0..1).")
    @DeclaredParameters("TOP")
    TopPathsAnswer top(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = TOP.read(parameters, projection);
        TopPaths top = TopPaths.of(request.snapshot(), request.selection(), request.shaping(),
                request.integer("limit"), ResponsesByPosition.of(request.snapshot(), feedback.responses()));
        List<Variant> variants = new ArrayList<>(top.paths().size());
        for (PathVariant path : top.paths()) {
            variants.add(new Variant(path.steps(), path.journeys(), path.share(), path.purchaseRate(),
                    JsonNumbers.finiteOrNull(path.timeToComplete().medianSeconds()),
                    JsonNumbers.finiteOrNull(path.timeToComplete().p90Seconds()),
                    path.experience() == null ? null : path.experience().responses(),
                    path.experience() == null ? null : path.experience().meanScore()));
        }
        return new TopPathsAnswer(top.total(), top.variants(), variants,
                new Other(top.other().variants(), top.other().journeys(), top.other().share()));
    }

    /**
     * A path from (start) to the outcome node; {@code steps} lie between the two. {@code probability}: of the chain
     * (clamped to [0, 1]). {@code journeys}: selected journeys that took exactly this path (the same shaping, to the
     * outcome) and {@code share} of the selected journeys, the observed counterpart of {@code probability}; 0 for a
     * path the chain makes likely but nobody followed.
     */
    record Likely(List<String> steps, double probability, long journeys, double share) {
    }

    /** The probability of eventually ending in each outcome from {@code node}. */
    /** @param open the probability of ending still in progress: 0 unless the selection includes open journeys */
    record NodeOutcomes(String node, double purchase, double abandoned, double diverted, double open) {
    }

    /**
     * @param outcome              the outcome node the paths lead to
     * @param journeys             selected journeys the chain is built from
     * @param paths                most probable first
     * @param outcomeProbabilities (start) first, then by descending probability of {@code outcome}, ties by node
     */
    record LikelyPathsAnswer(String outcome, long journeys, List<Likely> paths,
            List<NodeOutcomes> outcomeProbabilities) {
    }

    @GetMapping("/likely")
    @Operation(summary = "Most probable paths to an outcome", description = "Builds the absorbing Markov chain of "
            + "the selected journeys' shaped paths (to the first purchase) and lists the k most probable simple "
            + "paths from (start) to the outcome node (Yen's k shortest paths on -log P), by descending probability. "
            + "Beside each path, the journeys that actually took exactly it (same shaping, ending in the outcome) "
            + "and their share of the selected journeys: the chain can make likely a path nobody followed. "
            + "outcomeProbabilities gives, for every node, the exact probability of eventually reaching each "
            + "outcome (absorbing-chain solve). Here 'outcome' names the target, not a filter.")
    @DeclaredParameters("LIKELY")
    LikelyPathsAnswer likely(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = LIKELY.read(parameters, projection);
        int k = request.integer("k");
        Outcome target = request.value("outcome", Outcome.class);
        JourneySelection selection = request.selection();
        JourneySnapshot snapshot = request.snapshot();
        TransitionGraph graph = TransitionGraph.forChain(snapshot, selection, request.shaping());
        if (graph.journeys() == 0) {
            return new LikelyPathsAnswer(target.nodeName(), 0, List.of(), List.of());
        }
        // The chain's solve (kept with the graph) on this thread, under the request's budget, while the second core
        // searches the likely paths and counts who took them: the two need only the graph.
        AtomicReference<SearchedPaths> searched = new AtomicReference<>();
        TwoHalves.both(graph::absorbingChain, () -> searched.set(SearchedPaths.of(snapshot, request, graph, target,
                k)));
        List<LikelyPath> likely = searched.get().likely();
        long[] observed = searched.get().taken();
        List<Likely> paths = new ArrayList<>();
        for (int i = 0; i < likely.size(); i++) {
            LikelyPath path = likely.get(i);
            paths.add(new Likely(path.steps(), CleanNumbers.probability(path.probability()), observed[i],
                    (double) observed[i] / graph.journeys()));
        }
        return new LikelyPathsAnswer(target.nodeName(), graph.journeys(), paths,
                outcomeProbabilities(graph.absorbingChain(), target));
    }

    /** The k likely paths of a graph, and how many of the selected journeys took each of them. */
    private record SearchedPaths(List<LikelyPath> likely, long[] taken) {

        static SearchedPaths of(JourneySnapshot snapshot, AnalysisRequest request, TransitionGraph graph,
                Outcome target, int k) {
            List<LikelyPath> likely = LikelyPaths.of(graph, target, k);
            return new SearchedPaths(likely, ObservedPaths.journeys(snapshot, request.selection(), request.shaping(),
                    target, likely.stream().map(LikelyPath::steps).toList()));
        }
    }

    /**
     * The outcome the likely paths lead to (purchase when absent): an outcome filter's spelling, but neither
     * {@code any} nor {@code open}, which name no end a path can reach.
     */
    private static Outcome target(MultiValueMap<String, String> parameters, String name) {
        if ("any".equalsIgnoreCase(JourneyQuery.single(parameters, name))) {
            throw new InvalidParameterException(name, "must be one of purchase, abandoned, diverted here: it "
                    + "names the outcome the paths lead to");
        }
        Outcome target = JourneyQuery.outcome(parameters, name);
        if (target == Outcome.OPEN) {
            throw new InvalidParameterException(name, "must be one of purchase, abandoned, diverted here: open "
                    + "journeys have not ended yet (includeOpen=true keeps them in the chain, ending at (open))");
        }
        return target == null ? Outcome.PURCHASE : target;
    }

    private static List<NodeOutcomes> outcomeProbabilities(AbsorbingChain chain, Outcome target) {
        List<NodeOutcomes> rows = new ArrayList<>(chain.nodes().size());
        for (String node : chain.nodes()) {
            rows.add(new NodeOutcomes(node, CleanNumbers.probability(chain.probability(node, Outcome.PURCHASE)),
                    CleanNumbers.probability(chain.probability(node, Outcome.ABANDONED)),
                    CleanNumbers.probability(chain.probability(node, Outcome.DIVERTED)),
                    CleanNumbers.probability(chain.probability(node, Outcome.OPEN))));
        }
        rows.sort(Comparator.comparing((NodeOutcomes row) -> !row.node().equals(TransitionGraph.START))
                .thenComparing(Comparator.comparingDouble((NodeOutcomes row) -> probability(row, target)).reversed())
                .thenComparing(NodeOutcomes::node));
        return rows;
    }

    private static double probability(NodeOutcomes row, Outcome outcome) {
        return switch (outcome) {
            case PURCHASE -> row.purchase();
            case ABANDONED -> row.abandoned();
            case DIVERTED -> row.diverted();
            case OPEN -> 0;
        };
    }
}
