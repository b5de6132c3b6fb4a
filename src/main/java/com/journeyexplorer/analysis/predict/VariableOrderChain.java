package com.journeyexplorer.analysis.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.StepSequences;
import com.journeyexplorer.analysis.WorkBudget;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

/**
 * A variable-order Markov chain over touchpoints that predicts how an open journey ends from the steps it has taken
 * so far. It keeps every context (the last k steps, 1 ≤ k ≤ {@code order}, with {@code (start)} first where the
 * context reaches back to the journey's first step) that some learned journey took, with the journeys behind it, how
 * those journeys ended and which touchpoint they took next. A prediction uses the longest context of the open
 * journey with at least {@code minSupport} journeys behind it, backing off to shorter ones, and to the base rate
 * when not even the last step has that support.
 *
 * <p>Outcome probabilities of a context are the empirical outcome distribution of the journeys that were in it,
 * counted each time they were in it (until their purchase), not the absorbing probabilities of a k-th order chain:
 * they condition on exactly what the open journey has done, and on nothing the chain would assume about what comes
 * after (that the future depends on the last k steps only), so where journeys have a longer memory than the order
 * they stay unbiased; they need no solve, so building costs one pass and cannot fail to converge. Where journeys do
 * follow a Markov chain of order at most k, each visit of the context is a stopping time and the two agree: the
 * distribution converges to the chain's absorbing probabilities. Each context's counts get one pseudo-observation
 * of the next shorter context's distribution ({@code (n_o + p_parent(o)) / (n + 1)}), so no outcome a shorter
 * context has seen gets probability 0 (a log loss of infinity) from a context of a few dozen journeys; with
 * {@code minSupport} journeys behind a context this moves its probabilities by at most {@code 1 / (minSupport + 1)}.
 *
 * <p>Only finished journeys are learned; a purchase journey counts up to its first purchase. Counts carry the
 * journeys' weights. Cost: building O(records + distinct path steps · order) expected (journeys that took the same
 * path are walked once; a step costs a hash look-up per context length and one next-step tally), memory about 60
 * bytes per context and 12 per (context, next touchpoint) pair; a prediction O(order) hash look-ups, plus, the first
 * time its context is met (per minSupport), O(order) for each next touchpoint considered: a context's ranking is kept
 * once made. Immutable once built but for those kept rankings, a concurrent map: safe to share between threads.
 */
public final class VariableOrderChain {

    /** The largest order: contexts of up to this many steps. */
    public static final int MAX_ORDER = 8;
    /** The most next touchpoints a prediction lists. */
    public static final int MAX_NEXT = 100;
    /**
     * The kept rankings hold at most this many next touchpoints, a kept context counting as {@value #KEPT_CONTEXT}
     * more: about 50 bytes each, 20 MB at most.
     */
    private static final int MAX_KEPT_NEXT = 409_600;
    private static final int KEPT_CONTEXT = 4;
    /** The symbol of {@code (start)}; touchpoint {@code t} is symbol {@code t + 1}. */
    private static final int START = 0;
    private static final int ROOT = 0;
    private static final int OUTCOMES = 3;
    /** Longs per context in {@link #counts}: its journeys, then the times of each outcome. */
    private static final int STRIDE = 1 + OUTCOMES;

    private final List<Touchpoint> touchpoints;
    private final Map<String, Integer> idsByName;
    private final int order;
    /** Context tree edges: (context, earlier symbol) → the context one step longer into the past. */
    private final NodeKeyTable children;
    /** The contexts of one step, by symbol, for the first look-up without hashing; -1 where none. */
    private final int[] lastStep;
    /** Per context: its earliest symbol and the context without it. */
    private final int[] symbol;
    private final int[] parent;
    /**
     * Per context, {@value #STRIDE} longs side by side (one cache line to read in a prediction): the distinct
     * journeys, then per outcome the times journeys were in it (weights included).
     */
    private final long[] counts;
    /** Per context, its next steps as compressed rows: touchpoint ids and how often each was taken. */
    private final int[] nextStart;
    private final int[] nextTouchpoint;
    private final long[] nextTaken;
    /**
     * The ranked next touchpoints (the top {@value #MAX_NEXT}) and the step names of contexts, by context and
     * minSupport: the ranking depends on nothing else, since the context a next touchpoint leads to is the context
     * followed by it or a suffix of that (a longer one would need a longer supported context before it). Kept once
     * made, up to {@value #MAX_KEPT_NEXT} next touchpoints in all (a context counting as {@value #KEPT_CONTEXT}), so
     * that the contexts predictions meet are ranked once, and a hub page followed by thousands of pages costs its
     * ranking once.
     */
    private final Map<Long, Ranked> rankings = new ConcurrentHashMap<>();
    private final AtomicInteger keptNext = new AtomicInteger();

    /** A context's step names and its ranked next touchpoints (all of them up to {@value #MAX_NEXT}). */
    private record Ranked(List<String> context, List<NextTouchpoint> next) {
    }

    private VariableOrderChain(Builder built) {
        this.touchpoints = built.touchpoints;
        this.idsByName = new HashMap<>(touchpoints.size() * 2);
        for (Touchpoint touchpoint : touchpoints) {
            idsByName.put(touchpoint.name(), touchpoint.id());
        }
        this.order = built.order;
        this.children = built.children;
        this.lastStep = built.lastStep;
        int contexts = built.contexts;
        this.symbol = Arrays.copyOf(built.symbol, contexts);
        this.parent = Arrays.copyOf(built.parent, contexts);
        this.counts = new long[contexts * STRIDE];
        for (int c = 0; c < contexts; c++) {
            System.arraycopy(built.stats, c * Builder.STRIDE, counts, c * STRIDE, STRIDE);
        }
        // next steps: of a context shorter than the order, the contexts one step longer into the future (their
        // times are the times it was followed by their latest step); of a context of the order, the tallies
        this.nextStart = new int[contexts + 1];
        for (int c = 1; c < contexts; c++) {
            if (built.prefix[c] > ROOT) {
                nextStart[built.prefix[c] + 1]++;
            }
        }
        built.lastNext.forEach((key, taken) -> nextStart[NodeKeyTable.node(key) + 1]++);
        for (int c = 0; c < contexts; c++) {
            nextStart[c + 1] += nextStart[c];
        }
        int pairs = nextStart[contexts];
        this.nextTouchpoint = new int[pairs];
        this.nextTaken = new long[pairs];
        int[] fill = Arrays.copyOf(nextStart, contexts);
        for (int c = 1; c < contexts; c++) {
            if (built.prefix[c] > ROOT) {
                int at = fill[built.prefix[c]]++;
                nextTouchpoint[at] = built.latest[c] - 1;
                nextTaken[at] = times(c);
            }
        }
        built.lastNext.forEach((key, taken) -> {
            int at = fill[NodeKeyTable.node(key)]++;
            nextTouchpoint[at] = NodeKeyTable.symbol(key) - 1;
            nextTaken[at] = taken;
        });
    }

    /**
     * Learns from the finished journeys of {@code snapshot} at the positions {@code selected} accepts (every record
     * for null): their weights summed by path ({@link StepSequences}: journeys that took the same steps to their
     * first purchase share one), then each distinct path walked once with those sums. O(records + distinct path
     * steps · order) expected.
     *
     * @param order the longest context, 1 to {@value #MAX_ORDER}
     */
    public static VariableOrderChain learn(JourneySnapshot snapshot, IntPredicate selected, int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("order must be 1 to " + MAX_ORDER + ", was " + order);
        }
        StepSequences sequences = StepSequences.of(snapshot);
        int[] paths = sequences.numbers(true);
        long[] weights = new long[sequences.count() * OUTCOMES];
        List<Journey> all = snapshot.journeys();
        for (int position = 0; position < all.size(); position++) {
            if ((position & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            Journey journey = all.get(position);
            if (journey.outcome().isFinished() && (selected == null || selected.test(position))) {
                weights[paths[position] * OUTCOMES + journey.outcome().ordinal()] += journey.weight();
            }
        }
        Builder builder = new Builder(snapshot.touchpoints(), order);
        int[] pool = sequences.pool();
        for (int path = 0; path < sequences.count(); path++) {
            if ((path & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            int at = path * OUTCOMES;
            if (weights[at] != 0 || weights[at + 1] != 0 || weights[at + 2] != 0) {
                builder.add(pool, sequences.offset(path), sequences.length(path), weights, at);
            }
        }
        return new VariableOrderChain(builder);
    }

    public int order() {
        return order;
    }

    /** Contexts held, the empty one included. */
    public int contexts() {
        return symbol.length;
    }

    /** Journeys learned, with their weights. */
    public long journeys() {
        return counts[ROOT];
    }

    /** The id of the touchpoint named {@code name}, or -1. */
    public int touchpointId(String name) {
        Integer id = idsByName.get(name);
        return id == null ? -1 : id;
    }

    /**
     * The prediction for a journey that has taken {@code steps} (touchpoint names) so far; names unknown to the data
     * are reported and skipped. Lists at most {@code nextLimit} next touchpoints.
     */
    public Prediction predict(List<String> steps, int minSupport, int nextLimit) {
        List<String> unknown = new ArrayList<>();
        int[] ids = new int[steps.size() + 1];
        int length = 0;
        for (String step : steps) {
            int id = touchpointId(step);
            if (id < 0) {
                unknown.add(step);
            } else {
                ids[length++] = id;
            }
        }
        if (counts[ROOT] == 0) {
            // nothing learned: no outcome is more likely than another, and probabilities of 0 would not sum to 1
            return new Prediction(unknown, List.of(), 0, null, List.of());
        }
        double[] probabilities = new double[OUTCOMES];
        int context = contextOf(ids, length, minSupport, probabilities);
        OutcomeProbabilities outcomes = OutcomeProbabilities.of(probabilities);
        if (context == ROOT) {
            return new Prediction(unknown, List.of(), counts[ROOT], outcomes, List.of());
        }
        int limit = Math.min(nextLimit, MAX_NEXT);
        Ranked ranked = ranked(context, ids, length, minSupport, limit);
        List<NextTouchpoint> next = ranked.next().size() > limit ? ranked.next().subList(0, limit) : ranked.next();
        return new Prediction(unknown, ranked.context(), counts[context * STRIDE], outcomes, next);
    }

    /**
     * Fills {@code probabilities} (purchase, abandoned, diverted) for a journey whose touchpoint ids so far are
     * {@code steps[0, length)} and answers the context used (0 for the empty one). O(order), no allocation: the
     * backtest's inner loop.
     */
    int contextOf(int[] steps, int length, int minSupport, double[] probabilities) {
        long root = counts[ROOT];
        for (int o = 0; o < OUTCOMES; o++) {
            probabilities[o] = root == 0 ? 0 : (double) counts[1 + o] / root;
        }
        int context = ROOT;
        for (int depth = 1; depth <= order; depth++) {
            int at = length - depth;
            int next = at >= 0 ? child(context, steps[at] + 1) : child(context, START);
            if (next < 0) {
                break;
            }
            int base = next * STRIDE;
            long journeys = counts[base];
            if (journeys < minSupport || journeys == 0) {
                break;
            }
            long times = counts[base + 1] + counts[base + 2] + counts[base + 3];
            for (int o = 0; o < OUTCOMES; o++) {
                probabilities[o] = (counts[base + 1 + o] + probabilities[o]) / (times + 1.0);
            }
            context = next;
            if (at < 0) {
                break;
            }
        }
        return context;
    }

    private int child(int context, int earlier) {
        if (context == ROOT) {
            return earlier == START ? -1 : lastStep[earlier];
        }
        return children.get(NodeKeyTable.key(context, earlier));
    }

    /** Times journeys were in {@code context}: the sum of its outcome counts. */
    private long times(int context) {
        int base = context * STRIDE;
        return counts[base + 1] + counts[base + 2] + counts[base + 3];
    }

    /**
     * The context's names and its next touchpoints most likely to lead to a purchase, at least {@code limit} of them
     * where it has that many: ranked once per context and minSupport and kept (the top {@value #MAX_NEXT}) while
     * fewer than {@value #MAX_KEPT_NEXT} next touchpoints are kept in all, ranked afresh (the top {@code limit})
     * after that.
     */
    private Ranked ranked(int context, int[] ids, int length, int minSupport, int limit) {
        long key = (long) context << 32 | minSupport;
        Ranked ranked = rankings.get(key);
        if (ranked != null) {
            return ranked;
        }
        int candidates = nextStart[context + 1] - nextStart[context];
        int all = Math.min(candidates, MAX_NEXT);
        if (keptNext.get() + all + KEPT_CONTEXT > MAX_KEPT_NEXT) {
            return new Ranked(names(context), next(context, ids, length, minSupport, limit));
        }
        ranked = new Ranked(names(context), next(context, ids, length, minSupport, all));
        Ranked kept = rankings.putIfAbsent(key, ranked);
        if (kept != null) {
            return kept;
        }
        keptNext.addAndGet(all + KEPT_CONTEXT);
        return ranked;
    }

    /**
     * The {@code limit} next touchpoints of {@code context} most likely to lead to a purchase: each candidate's
     * prediction in O(order) without allocation, kept in a top-{@code limit} list by insertion, and only those made
     * into answers. O(candidates · (order + limit)).
     */
    private List<NextTouchpoint> next(int context, int[] ids, int length, int minSupport, int limit) {
        if (limit == 0) {
            return List.of();
        }
        long times = times(context);
        double[] probabilities = new double[OUTCOMES];
        int[] best = new int[limit];
        double[] bestPurchase = new double[limit];
        int[] bestReached = new int[limit];
        int kept = 0;
        for (int e = nextStart[context]; e < nextStart[context + 1]; e++) {
            ids[length] = nextTouchpoint[e];
            int reached = contextOf(ids, length + 1, minSupport, probabilities);
            double purchase = probabilities[0];
            int at = kept;
            while (at > 0 && ranksBefore(e, purchase, best[at - 1], bestPurchase[at - 1])) {
                at--;
            }
            if (at == limit) {
                continue;
            }
            int moved = Math.min(kept, limit - 1) - at;
            System.arraycopy(best, at, best, at + 1, moved);
            System.arraycopy(bestPurchase, at, bestPurchase, at + 1, moved);
            System.arraycopy(bestReached, at, bestReached, at + 1, moved);
            best[at] = e;
            bestPurchase[at] = purchase;
            bestReached[at] = reached;
            kept = Math.min(kept + 1, limit);
        }
        List<NextTouchpoint> next = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            int e = best[i];
            next.add(new NextTouchpoint(touchpoints.get(nextTouchpoint[e]).name(), nextTaken[e],
                    (double) nextTaken[e] / times, bestPurchase[i], counts[bestReached[i] * STRIDE]));
        }
        return List.copyOf(next);
    }

    /** Higher purchase probability first, then the more often taken, then by name. */
    private boolean ranksBefore(int e, double purchase, int other, double otherPurchase) {
        if (purchase != otherPurchase) {
            return purchase > otherPurchase;
        }
        if (nextTaken[e] != nextTaken[other]) {
            return nextTaken[e] > nextTaken[other];
        }
        return touchpoints.get(nextTouchpoint[e]).name().compareTo(touchpoints.get(nextTouchpoint[other]).name()) < 0;
    }

    /** The context's steps, oldest first. */
    private List<String> names(int context) {
        List<String> names = new ArrayList<>();
        for (int c = context; c != ROOT; c = parent[c]) {
            names.add(symbol[c] == START ? NodeSpace.START_NAME : touchpoints.get(symbol[c] - 1).name());
        }
        return List.copyOf(names);
    }

    /**
     * Counts contexts as distinct paths are walked. Per context it keeps, besides the tree: its counts and the last
     * walk that counted its journeys side by side ({@value #STRIDE} longs), its latest step, and the context without
     * that step (its prefix, which it follows). The next steps of a context shorter than the order need no tally of
     * their own: a context followed by touchpoint t is the context one step longer with t as its latest step, so
     * that context's times are how often t was taken next. Only contexts of the order tally their next steps, in
     * one table: one hash update a step instead of one per context length.
     */
    private static final class Builder {

        /** Per context: distinct journeys, the times of each outcome, the walk that last counted it (1-based). */
        static final int STRIDE = VariableOrderChain.STRIDE + 1;
        private static final int WALK = VariableOrderChain.STRIDE;

        private final List<Touchpoint> touchpoints;
        private final int order;
        private final NodeKeyTable children = new NodeKeyTable(1 << 12);
        /** The next steps of the contexts of {@code order} steps: (context, next symbol) → times taken. */
        private final NodeKeyTable lastNext = new NodeKeyTable(1 << 12);
        private final int[] lastStep;
        private int contexts = 1;
        private int walks;
        private int[] symbol = new int[1 << 10];
        private int[] parent = new int[1 << 10];
        /** The context without its latest step, -1 where it is the empty one or {@code (start)} alone. */
        private int[] prefix = new int[1 << 10];
        /** The latest step's symbol. */
        private int[] latest = new int[1 << 10];
        private long[] stats = new long[(1 << 10) * STRIDE];
        /** The contexts of the previous and of the current step, by length. */
        private int[] before;
        private int[] now;

        Builder(List<Touchpoint> touchpoints, int order) {
            this.touchpoints = touchpoints;
            this.order = order;
            this.lastStep = new int[touchpoints.size() + 1];
            Arrays.fill(lastStep, -1);
            this.before = new int[order + 1];
            this.now = new int[order + 1];
        }

        /**
         * Counts every context of the path {@code steps[offset, offset + length)} at each step, for journeys that
         * took it with the weights {@code weights[at, at + 3)} by outcome.
         */
        void add(int[] steps, int offset, int length, long[] weights, int at) {
            long w0 = weights[at];
            long w1 = weights[at + 1];
            long w2 = weights[at + 2];
            long total = w0 + w1 + w2;
            int walk = ++walks;
            stats[0] += total;
            stats[1] += w0;
            stats[2] += w1;
            stats[3] += w2;
            for (int i = 0; i < length; i++) {
                int latestSymbol = steps[offset + i] + 1;
                int next = i + 1 < length ? steps[offset + i + 1] + 1 : -1;
                int context = ROOT;
                for (int depth = 1; depth <= order; depth++) {
                    int from = i - depth + 1;
                    int earlier = from >= 0 ? steps[offset + from] + 1 : START;
                    context = childOrNew(context, earlier, latestSymbol, i > 0 && depth > 1 ? before[depth - 1] : -1);
                    now[depth] = context;
                    int base = context * STRIDE;
                    if (stats[base + WALK] != walk) {
                        stats[base + WALK] = walk;
                        stats[base] += total;
                    }
                    stats[base + 1] += w0;
                    stats[base + 2] += w1;
                    stats[base + 3] += w2;
                    if (depth == order && next >= 0) {
                        lastNext.add(NodeKeyTable.key(context, next), total);
                    }
                    if (from < 0) {
                        break;
                    }
                }
                int[] swap = before;
                before = now;
                now = swap;
            }
        }

        private int childOrNew(int context, int earlier, int latestSymbol, int prefixContext) {
            int child;
            if (context == ROOT) {
                child = lastStep[earlier];
                if (child >= 0) {
                    return child;
                }
                lastStep[earlier] = contexts;
            } else {
                child = children.getOrPut(NodeKeyTable.key(context, earlier), contexts);
                if (child != contexts) {
                    return child;
                }
            }
            if (contexts == symbol.length) {
                int capacity = contexts * 2;
                symbol = Arrays.copyOf(symbol, capacity);
                parent = Arrays.copyOf(parent, capacity);
                prefix = Arrays.copyOf(prefix, capacity);
                latest = Arrays.copyOf(latest, capacity);
                stats = Arrays.copyOf(stats, capacity * STRIDE);
            }
            symbol[contexts] = earlier;
            parent[contexts] = context;
            prefix[contexts] = prefixContext;
            latest[contexts] = latestSymbol;
            return contexts++;
        }
    }
}
