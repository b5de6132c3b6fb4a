package com.journeyexplorer.analysis;

import java.util.Arrays;

/**
 * Maximum flow and the minimum cut nearest the sink on a network of numbered nodes with integer capacities, by
 * Dinic's algorithm: breadth-first levels from the source, then a blocking flow along level-increasing arcs, until the
 * sink is unreachable. O(V² · E) in the worst case, far less on networks like journeys' transitions; arrays only, so
 * memory is O(V + E).
 *
 * <p>The arcs are added first; the first {@link #maximumFlow} lays them out by source node (each arc and its reverse,
 * with the index of the other), so that a node's arcs lie side by side and a phase reads them in order rather than
 * chasing a linked list through the arrays. Each phase finds its blocking flow in one depth-first descent that pushes
 * as much as a node can pass on along all its arcs, rather than one path per descent from the source.
 */
final class DinicMaxFlow {

    private final int nodes;
    private int arcs;
    /** The arcs as added: source, target, capacity. */
    private int[] arcFrom;
    private int[] arcTo;
    private long[] arcCapacity;
    /** Laid out by source node: node {@code v}'s arcs are {@code [first[v], first[v + 1])}. */
    private int[] first;
    private int[] target;
    private long[] residual;
    /** The position of the reverse of the arc at each position. */
    private int[] reverse;
    /** By arc as added, its position. */
    private int[] position;
    private int[] level;
    private int[] cursor;

    /** A network expecting about {@code expectedArcs} arcs, so that its arrays need not grow. */
    DinicMaxFlow(int nodes, int expectedArcs) {
        this.nodes = nodes;
        int size = Math.max(32, expectedArcs);
        arcFrom = new int[size];
        arcTo = new int[size];
        arcCapacity = new long[size];
    }

    /** Adds the arc {@code from → to} with {@code capacity >= 0}, before {@link #maximumFlow}; returns its index. */
    int addArc(int from, int to, long capacity) {
        if (first != null) {
            throw new IllegalStateException("arcs are added before the flow");
        }
        if (arcs == arcFrom.length) {
            int grown = arcs * 2;
            arcFrom = Arrays.copyOf(arcFrom, grown);
            arcTo = Arrays.copyOf(arcTo, grown);
            arcCapacity = Arrays.copyOf(arcCapacity, grown);
        }
        arcFrom[arcs] = from;
        arcTo[arcs] = to;
        arcCapacity[arcs] = capacity;
        return arcs++;
    }

    /** Lays the arcs and their reverses (capacity 0) out by source node, in the order added. O(V + E). */
    private void layOut() {
        first = new int[nodes + 1];
        for (int arc = 0; arc < arcs; arc++) {
            first[arcFrom[arc] + 1]++;
            first[arcTo[arc] + 1]++;
        }
        for (int node = 0; node < nodes; node++) {
            first[node + 1] += first[node];
        }
        int[] next = Arrays.copyOf(first, nodes);
        target = new int[2 * arcs];
        residual = new long[2 * arcs];
        reverse = new int[2 * arcs];
        position = new int[arcs];
        for (int arc = 0; arc < arcs; arc++) {
            int forward = next[arcFrom[arc]]++;
            int backward = next[arcTo[arc]]++;
            target[forward] = arcTo[arc];
            residual[forward] = arcCapacity[arc];
            target[backward] = arcFrom[arc];
            reverse[forward] = backward;
            reverse[backward] = forward;
            position[arc] = forward;
        }
    }

    /** The value of a maximum flow from {@code source} to {@code sink}. */
    long maximumFlow(int source, int sink) {
        layOut();
        level = new int[nodes];
        cursor = new int[nodes];
        int[] queue = new int[nodes];
        long total = 0;
        while (levels(source, sink, queue)) {
            System.arraycopy(first, 0, cursor, 0, nodes);
            total += push(source, sink, Long.MAX_VALUE);
        }
        return total;
    }

    /** Breadth-first levels over arcs with residual capacity; whether the sink is reached. */
    private boolean levels(int source, int sink, int[] queue) {
        Arrays.fill(level, -1);
        level[source] = 0;
        int read = 0;
        int write = 0;
        queue[write++] = source;
        while (read < write) {
            int node = queue[read++];
            int next = level[node] + 1;
            for (int at = first[node], end = first[node + 1]; at < end; at++) {
                if (residual[at] > 0 && level[target[at]] < 0) {
                    level[target[at]] = next;
                    queue[write++] = target[at];
                }
            }
        }
        return level[sink] >= 0;
    }

    /**
     * Pushes up to {@code limit} from {@code node} to the sink along level-increasing arcs, depth first, on along
     * each arc in turn until the limit is passed on; returns how much. An arc that can take no more is skipped for
     * the rest of the phase ({@code cursor}), and so is a node that passes nothing on. Recursion depth is at most the
     * sink's level.
     */
    private long push(int node, int sink, long limit) {
        if (node == sink) {
            return limit;
        }
        long pushed = 0;
        int end = first[node + 1];
        for (int at = cursor[node]; at < end; at = ++cursor[node]) {
            int next = target[at];
            if (residual[at] > 0 && level[next] == level[node] + 1) {
                long passed = push(next, sink, Math.min(limit - pushed, residual[at]));
                if (passed > 0) {
                    residual[at] -= passed;
                    residual[reverse[at]] += passed;
                    pushed += passed;
                    if (pushed == limit) {
                        return pushed;
                    }
                }
            }
        }
        level[node] = -1;
        return pushed;
    }

    /**
     * After {@link #maximumFlow}: the nodes that can still reach {@code sink} in the residual network. The arcs into
     * this set from outside it form the minimum cut nearest the sink, the same for every maximum flow. O(V + E).
     */
    boolean[] sinkSide(int sink) {
        boolean[] side = new boolean[nodes];
        int[] queue = new int[nodes];
        int read = 0;
        int write = 0;
        side[sink] = true;
        queue[write++] = sink;
        while (read < write) {
            int node = queue[read++];
            for (int at = first[node], end = first[node + 1]; at < end; at++) {
                int from = target[at];
                if (!side[from] && residual[reverse[at]] > 0) {
                    side[from] = true;
                    queue[write++] = from;
                }
            }
        }
        return side;
    }

    long arcCapacity(int arc) {
        return arcCapacity[arc];
    }
}
