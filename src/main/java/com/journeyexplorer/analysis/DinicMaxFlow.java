package com.journeyexplorer.analysis;

import java.util.Arrays;

/**
 * Maximum flow and the minimum cut nearest the sink on a network of numbered nodes with integer capacities, by
 * Dinic's algorithm: breadth-first levels from the source, then blocking flows along level-increasing arcs, until the
 * sink is unreachable. O(V² · E) in the worst case, far less on networks like journeys' transitions; arrays only, so
 * memory is O(V + E). Each arc has its reverse at the index {@code arc ^ 1}.
 */
final class DinicMaxFlow {

    private final int nodes;
    private int arcs;
    private int[] head;
    private int[] to;
    private int[] next;
    private long[] capacity;
    private long[] flow;
    private int[] level;
    private int[] cursor;

    DinicMaxFlow(int nodes) {
        this(nodes, 32);
    }

    /** A network expecting about {@code expectedArcs} arcs, so that its arrays need not grow. */
    DinicMaxFlow(int nodes, int expectedArcs) {
        this.nodes = nodes;
        int size = Math.max(64, 2 * expectedArcs);
        to = new int[size];
        next = new int[size];
        capacity = new long[size];
        flow = new long[size];
        this.head = new int[nodes];
        Arrays.fill(head, -1);
    }

    /** Adds the arc {@code from → to} with {@code capacity >= 0}, and its reverse of capacity 0; returns its index. */
    int addArc(int from, int target, long arcCapacity) {
        if (arcs + 2 > to.length) {
            int grown = to.length * 2;
            to = Arrays.copyOf(to, grown);
            next = Arrays.copyOf(next, grown);
            capacity = Arrays.copyOf(capacity, grown);
            flow = Arrays.copyOf(flow, grown);
        }
        int arc = arcs;
        link(arc, from, target, arcCapacity);
        link(arc + 1, target, from, 0);
        arcs += 2;
        return arc;
    }

    private void link(int arc, int from, int target, long arcCapacity) {
        to[arc] = target;
        capacity[arc] = arcCapacity;
        next[arc] = head[from];
        head[from] = arc;
    }

    /** The value of a maximum flow from {@code source} to {@code sink}. */
    long maximumFlow(int source, int sink) {
        level = new int[nodes];
        cursor = new int[nodes];
        int[] queue = new int[nodes];
        long total = 0;
        while (levels(source, sink, queue)) {
            System.arraycopy(head, 0, cursor, 0, nodes);
            long pushed;
            while ((pushed = push(source, sink, Long.MAX_VALUE)) > 0) {
                total += pushed;
            }
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
            for (int arc = head[node]; arc != -1; arc = next[arc]) {
                if (level[to[arc]] < 0 && capacity[arc] - flow[arc] > 0) {
                    level[to[arc]] = level[node] + 1;
                    queue[write++] = to[arc];
                }
            }
        }
        return level[sink] >= 0;
    }

    /**
     * Pushes up to {@code limit} from {@code node} to the sink along level-increasing arcs, depth first; each arc
     * that can take no more is skipped for the rest of the phase ({@code cursor}). Recursion depth is at most the
     * sink's level.
     */
    private long push(int node, int sink, long limit) {
        if (node == sink) {
            return limit;
        }
        for (; cursor[node] != -1; cursor[node] = next[cursor[node]]) {
            int arc = cursor[node];
            int target = to[arc];
            long residual = capacity[arc] - flow[arc];
            if (residual > 0 && level[target] == level[node] + 1) {
                long pushed = push(target, sink, Math.min(limit, residual));
                if (pushed > 0) {
                    flow[arc] += pushed;
                    flow[arc ^ 1] -= pushed;
                    return pushed;
                }
            }
        }
        return 0;
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
            for (int arc = head[node]; arc != -1; arc = next[arc]) {
                int from = to[arc];
                int forward = arc ^ 1;
                if (!side[from] && capacity[forward] - flow[forward] > 0) {
                    side[from] = true;
                    queue[write++] = from;
                }
            }
        }
        return side;
    }

    int arcTarget(int arc) {
        return to[arc];
    }

    long arcCapacity(int arc) {
        return capacity[arc];
    }
}
