package com.journeyexplorer.analysis.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
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
 * journeys' weights. Cost: building O(events · order) expected (hash-table updates), memory about 60 bytes per
 * context and 20 per (context, next touchpoint) pair; a prediction O(order) hash look-ups, plus O(order) for each
 * next touchpoint considered (a hub context's ranking is kept once made). Immutable once built but for that kept
 * ranking, a concurrent map: safe to share between threads.
 */
public final class VariableOrderChain {

    /** The largest order: contexts of up to this many steps. */
    public static final int MAX_ORDER = 8;
    /** The most next touchpoints a prediction lists. */
    public static final int MAX_NEXT = 100;
    /** Contexts followed by more touchpoints than this keep their ranking once made (hub pages of a clickstream). */
    private static final int HUB_CANDIDATES = 64;
    /** At most this many rankings are kept: about 5 KB each. */
    private static final int MAX_KEPT_RANKINGS = 4096;
    /** The symbol of {@code (start)}; touchpoint {@code t} is symbol {@code t + 1}. */
    private static final int START = 0;
    private static final int ROOT = 0;
    private static final int OUTCOMES = 3;

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
    /** Per context: distinct journeys, and per outcome the times journeys were in it (weights included). */
    private final long[] journeys;
    private final long[] outcomeCounts;
    /** Per context, its next steps as compressed rows: touchpoint ids and how often each was taken. */
    private final int[] nextStart;
    private final int[] nextTouchpoint;
    private final long[] nextTaken;
    /**
     * The top {@value #MAX_NEXT} next touchpoints of hub contexts, by context and minSupport: the ranking depends on
     * nothing else, since the context a next touchpoint leads to is the context followed by it or a suffix of that
     * (a longer one would need a longer supported context before it).
     */
    private final Map<Long, List<NextTouchpoint>> hubRankings = new ConcurrentHashMap<>();

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
        this.journeys = Arrays.copyOf(built.journeys, contexts);
        this.outcomeCounts = Arrays.copyOf(built.outcomeCounts, contexts * OUTCOMES);
        this.nextStart = new int[contexts + 1];
        int pairs = built.nextIndex.size();
        this.nextTouchpoint = new int[pairs];
        this.nextTaken = new long[pairs];
        built.nextIndex.forEach((key, index) -> nextStart[NodeKeyTable.node(key) + 1]++);
        for (int c = 0; c < contexts; c++) {
            nextStart[c + 1] += nextStart[c];
        }
        int[] fill = Arrays.copyOf(nextStart, contexts);
        built.nextIndex.forEach((key, index) -> {
            int at = fill[NodeKeyTable.node(key)]++;
            nextTouchpoint[at] = NodeKeyTable.symbol(key) - 1;
            nextTaken[at] = built.nextCounts[index];
        });
    }

    /**
     * Learns from the finished journeys of {@code snapshot} at the positions {@code selected} accepts (every record
     * for null). O(events · order) expected.
     *
     * @param order the longest context, 1 to {@value #MAX_ORDER}
     */
    public static VariableOrderChain learn(JourneySnapshot snapshot, IntPredicate selected, int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("order must be 1 to " + MAX_ORDER + ", was " + order);
        }
        Builder builder = new Builder(snapshot.touchpoints(), order);
        List<Journey> all = snapshot.journeys();
        for (int position = 0; position < all.size(); position++) {
            if ((position & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            if (selected == null || selected.test(position)) {
                builder.add(all.get(position), position);
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
        return journeys[ROOT];
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
        double[] probabilities = new double[OUTCOMES];
        int context = contextOf(ids, length, minSupport, probabilities);
        List<NextTouchpoint> next = context == ROOT || nextLimit == 0 ? List.of()
                : rankedNext(context, ids, length, minSupport, Math.min(nextLimit, MAX_NEXT));
        return new Prediction(unknown, names(context), journeys[context], OutcomeProbabilities.of(probabilities),
                next);
    }

    /**
     * Fills {@code probabilities} (purchase, abandoned, diverted) for a journey whose touchpoint ids so far are
     * {@code steps[0, length)} and answers the context used (0 for the empty one). O(order), no allocation: the
     * backtest's inner loop.
     */
    int contextOf(int[] steps, int length, int minSupport, double[] probabilities) {
        long root = journeys[ROOT];
        for (int o = 0; o < OUTCOMES; o++) {
            probabilities[o] = root == 0 ? 0 : (double) outcomeCounts[o] / root;
        }
        int context = ROOT;
        for (int depth = 1; depth <= order; depth++) {
            int at = length - depth;
            int next = at >= 0 ? child(context, steps[at] + 1) : child(context, START);
            if (next < 0 || journeys[next] < minSupport || journeys[next] == 0) {
                break;
            }
            long times = 0;
            for (int o = 0; o < OUTCOMES; o++) {
                times += outcomeCounts[next * OUTCOMES + o];
            }
            for (int o = 0; o < OUTCOMES; o++) {
                probabilities[o] = (outcomeCounts[next * OUTCOMES + o] + probabilities[o]) / (times + 1.0);
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

    /**
     * The {@code limit} next touchpoints of {@code context} most likely to lead to a purchase; for a hub context the
     * top {@value #MAX_NEXT} are ranked once per minSupport and kept (up to {@value #MAX_KEPT_RANKINGS} rankings), so
     * that a hub page followed by thousands of pages costs that ranking once.
     */
    private List<NextTouchpoint> rankedNext(int context, int[] ids, int length, int minSupport, int limit) {
        if (nextStart[context + 1] - nextStart[context] <= HUB_CANDIDATES) {
            return next(context, ids, length, minSupport, limit);
        }
        long key = (long) context << 32 | minSupport;
        List<NextTouchpoint> ranked = hubRankings.get(key);
        if (ranked == null) {
            ranked = next(context, ids, length, minSupport, MAX_NEXT);
            if (hubRankings.size() < MAX_KEPT_RANKINGS) {
                hubRankings.putIfAbsent(key, ranked);
            }
        }
        return ranked.size() > limit ? ranked.subList(0, limit) : ranked;
    }

    /**
     * The {@code limit} next touchpoints of {@code context} most likely to lead to a purchase: each candidate's
     * prediction in O(order) without allocation, kept in a top-{@code limit} list by insertion, and only those made
     * into answers. O(candidates · (order + limit)).
     */
    private List<NextTouchpoint> next(int context, int[] ids, int length, int minSupport, int limit) {
        long times = 0;
        for (int o = 0; o < OUTCOMES; o++) {
            times += outcomeCounts[context * OUTCOMES + o];
        }
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
                    (double) nextTaken[e] / times, bestPurchase[i], journeys[bestReached[i]]));
        }
        return next;
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
        return names;
    }

    /** Counts contexts as journeys are added. */
    private static final class Builder {

        private final List<Touchpoint> touchpoints;
        private final int order;
        private final NodeKeyTable children = new NodeKeyTable(1 << 12);
        private final NodeKeyTable nextIndex = new NodeKeyTable(1 << 12);
        private final int[] lastStep;
        private long[] nextCounts = new long[1 << 12];
        private int contexts = 1;
        private int[] symbol = new int[1 << 10];
        private int[] parent = new int[1 << 10];
        private long[] journeys = new long[1 << 10];
        private long[] outcomeCounts = new long[(1 << 10) * OUTCOMES];
        private int[] lastJourney = new int[1 << 10];

        Builder(List<Touchpoint> touchpoints, int order) {
            this.touchpoints = touchpoints;
            this.order = order;
            this.lastStep = new int[touchpoints.size() + 1];
            Arrays.fill(lastStep, -1);
            Arrays.fill(lastJourney, -1);
        }

        /** Counts every context of the journey's path (to its first purchase), at each step. */
        void add(Journey journey, int position) {
            Outcome outcome = journey.outcome();
            if (!outcome.isFinished()) {
                return;
            }
            int o = outcome.ordinal();
            int weight = journey.weight();
            journeys[ROOT] += weight;
            outcomeCounts[o] += weight;
            int[] steps = journey.steps();
            int length = journey.pathLength();
            for (int i = 0; i < length; i++) {
                int next = i + 1 < length ? steps[i + 1] + 1 : -1;
                int context = ROOT;
                for (int depth = 1; depth <= order; depth++) {
                    int at = i - depth + 1;
                    int earlier = at >= 0 ? steps[at] + 1 : START;
                    context = childOrNew(context, earlier);
                    if (lastJourney[context] != position) {
                        lastJourney[context] = position;
                        journeys[context] += weight;
                    }
                    outcomeCounts[context * OUTCOMES + o] += weight;
                    if (next >= 0) {
                        int index = nextIndex.getOrPut(NodeKeyTable.key(context, next), nextIndex.size());
                        if (index == nextCounts.length) {
                            nextCounts = Arrays.copyOf(nextCounts, index * 2);
                        }
                        nextCounts[index] += weight;
                    }
                    if (at < 0) {
                        break;
                    }
                }
            }
        }

        private int childOrNew(int context, int earlier) {
            int child;
            if (context == ROOT) {
                child = lastStep[earlier];
                if (child < 0) {
                    child = contexts;
                    lastStep[earlier] = child;
                } else {
                    return child;
                }
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
                journeys = Arrays.copyOf(journeys, capacity);
                outcomeCounts = Arrays.copyOf(outcomeCounts, capacity * OUTCOMES);
                lastJourney = Arrays.copyOf(lastJourney, capacity);
                Arrays.fill(lastJourney, contexts, capacity, -1);
            }
            symbol[contexts] = earlier;
            parent[contexts] = context;
            return contexts++;
        }
    }
}
