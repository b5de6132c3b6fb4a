package com.journeyexplorer.analysis.compare;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Betweenness centrality and PageRank of a directed weighted graph held in arrays: nodes {@code [0, nodes)}, edges
 * {@code from[i] → to[i]} with {@code weight[i]}, at most one edge per ordered pair, self-loops allowed. The same
 * answers as JGraphT's {@code BetweennessCentrality} (normalized) and {@code PageRank} on a graph that got these
 * vertices and edges in this order, at a fraction of the cost: no boxed vertices, maps or heap nodes.
 *
 * <p>Betweenness is Brandes' algorithm, one Dijkstra per source over compressed adjacency arrays, the sources split
 * into a fixed number of blocks that run in parallel and are added up in block order, so the result does not depend
 * on the threads. O(V · (E + V log V)) work, divided among the cores; independent of how many journeys made the
 * graph. It agrees with JGraphT's up to the rounding of a different summation order. Where a zero-weight edge joins
 * two nodes at the same distance (a transition of probability 1), JGraphT's counts depend on the order its heap
 * settles ties in; here shortest paths are then counted in an order that follows the shortest-path DAG, so the
 * counts are those of the definition.
 *
 * <p>PageRank repeats JGraphT's iteration step by step (same sums in the same order), so the scores are equal to the
 * last bit; O(iterations · E), at most 100 iterations.
 */
final class TransitionCentrality {

    /** Source blocks for betweenness: enough to balance the cores, few enough that each block's sums stay cheap. */
    private static final int BLOCKS = 64;
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 0.0001;

    private TransitionCentrality() {
    }

    /**
     * Normalized betweenness of every node: the sum over ordered pairs {@code s ≠ v ≠ t} of the share of shortest
     * {@code s → t} paths through {@code v}, divided by {@code (nodes - 1)(nodes - 2)}. Weights must not be negative.
     */
    static double[] betweenness(int nodes, int[] from, int[] to, double[] weight) {
        return betweenness(nodes, from, to, weight, nodes);
    }

    /**
     * {@link #betweenness(int, int[], int[], double[])} from at most {@code maxSources} sources: exact when there are
     * no more nodes than that; otherwise Brandes and Pich's estimate (Centrality estimation in large networks, 2007),
     * the dependencies on {@code maxSources} sources drawn without replacement and scaled by
     * {@code nodes / maxSources}, which is unbiased. The draw is seeded by the graph's size, so an answer is
     * repeatable. O(sources · (E + V log V)) work instead of O(V · (E + V log V)).
     */
    static double[] betweenness(int nodes, int[] from, int[] to, double[] weight, int maxSources) {
        return betweennessFrom(nodes, from, to, weight, sources(nodes, from.length, maxSources));
    }

    /** The betweenness estimate from the dependencies on {@code sources} (distinct nodes), scaled to all nodes. */
    static double[] betweennessFrom(int nodes, int[] from, int[] to, double[] weight, int[] sources) {
        Adjacency graph = Adjacency.of(nodes, from, to, weight);
        int blockSize = Math.max(1, (sources.length + BLOCKS - 1) / BLOCKS);
        int blocks = (sources.length + blockSize - 1) / blockSize;
        List<double[]> partials = IntStream.range(0, blocks).parallel().mapToObj(block -> {
            Brandes brandes = new Brandes(graph);
            for (int i = block * blockSize; i < Math.min(sources.length, (block + 1) * blockSize); i++) {
                brandes.accumulate(sources[i]);
            }
            return brandes.scores;
        }).toList();
        double[] scores = new double[nodes];
        for (double[] partial : partials) {
            for (int node = 0; node < nodes; node++) {
                scores[node] += partial[node];
            }
        }
        double normalization = (double) (nodes - 1) * (nodes - 2) * sources.length / nodes;
        if (normalization != 0) {
            for (int node = 0; node < nodes; node++) {
                scores[node] /= normalization;
            }
        }
        return scores;
    }

    /** All nodes in order, or {@code maxSources} of them drawn by a generator seeded with the graph's size. */
    static int[] sources(int nodes, int edges, int maxSources) {
        int[] all = IntStream.range(0, nodes).toArray();
        if (maxSources >= nodes) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(31L * nodes + edges);
        for (int i = 0; i < maxSources; i++) {
            int pick = i + random.nextInt(nodes - i);
            int swap = all[i];
            all[i] = all[pick];
            all[pick] = swap;
        }
        int[] drawn = Arrays.copyOf(all, maxSources);
        Arrays.sort(drawn);
        return drawn;
    }

    /**
     * PageRank with damping {@code damping}, edge weights as transition weights: iterated from {@code 1 / nodes} until
     * no score changes by {@value #TOLERANCE} or more, at most {@value #MAX_ITERATIONS} times; a node without
     * outgoing edges spreads its score over all nodes.
     */
    static double[] pageRank(int nodes, int[] from, int[] to, double[] weight, double damping) {
        int[] outDegree = new int[nodes];
        int[] inStart = new int[nodes + 1];
        for (int edge = 0; edge < from.length; edge++) {
            outDegree[from[edge]]++;
            inStart[to[edge] + 1]++;
        }
        for (int node = 0; node < nodes; node++) {
            inStart[node + 1] += inStart[node];
        }
        // incoming edges of each node in edge order, as JGraphT lists them
        int[] inSource = new int[from.length];
        double[] inWeight = new double[from.length];
        int[] next = Arrays.copyOf(inStart, nodes);
        for (int edge = 0; edge < from.length; edge++) {
            int slot = next[to[edge]]++;
            inSource[slot] = from[edge];
            inWeight[slot] = weight[edge];
        }
        double[] weightSum = new double[nodes];
        for (int node = 0; node < nodes; node++) {
            for (int in = inStart[node]; in < inStart[node + 1]; in++) {
                weightSum[inSource[in]] += inWeight[in];
            }
        }
        double[] current = new double[nodes];
        double[] following = new double[nodes];
        Arrays.fill(current, 1.0d / nodes);
        double maxChange = TOLERANCE;
        int iterations = MAX_ITERATIONS;
        while (iterations > 0 && maxChange >= TOLERANCE) {
            double teleport = 0d;
            for (int node = 0; node < nodes; node++) {
                teleport += outDegree[node] > 0 ? (1d - damping) * current[node] : current[node];
            }
            teleport /= nodes;
            maxChange = 0d;
            for (int node = 0; node < nodes; node++) {
                double contribution = 0d;
                for (int in = inStart[node]; in < inStart[node + 1]; in++) {
                    int source = inSource[in];
                    contribution += damping * current[source] * inWeight[in] / weightSum[source];
                }
                double updated = teleport + contribution;
                maxChange = Math.max(maxChange, Math.abs(updated - current[node]));
                following[node] = updated;
            }
            double[] swap = current;
            current = following;
            following = swap;
            iterations--;
        }
        return current;
    }

    /** Outgoing edges in compressed rows: {@code target[start[v], start[v + 1])}; self-loops left out. */
    private record Adjacency(int nodes, int[] start, int[] target, double[] weight) {

        static Adjacency of(int nodes, int[] from, int[] to, double[] weight) {
            int[] start = new int[nodes + 1];
            for (int edge = 0; edge < from.length; edge++) {
                if (weight[edge] < 0.0) {
                    throw new IllegalArgumentException("negative edge weight " + weight[edge]);
                }
                if (from[edge] != to[edge]) {
                    start[from[edge] + 1]++;
                }
            }
            for (int node = 0; node < nodes; node++) {
                start[node + 1] += start[node];
            }
            int[] target = new int[start[nodes]];
            double[] weights = new double[start[nodes]];
            int[] next = Arrays.copyOf(start, nodes);
            for (int edge = 0; edge < from.length; edge++) {
                if (from[edge] != to[edge]) {
                    int slot = next[from[edge]]++;
                    target[slot] = to[edge];
                    weights[slot] = weight[edge];
                }
            }
            return new Adjacency(nodes, start, target, weights);
        }
    }

    /**
     * One worker's state for Brandes' algorithm: scratch arrays reused from source to source (reset only where the
     * last search reached) and the sum of the dependencies of the sources it ran.
     */
    private static final class Brandes {

        private final Adjacency graph;
        final double[] scores;
        private final double[] distance;
        private final long[] paths;
        private final double[] dependency;
        /** Nodes in the order they were settled, then (if needed) in an order of the shortest-path DAG. */
        private final int[] order;
        /** Position in {@code order} once settled, -1 before. */
        private final int[] settledAt;
        private final int[] inDegree;
        private final NodeHeap heap;

        Brandes(Adjacency graph) {
            this.graph = graph;
            int nodes = graph.nodes();
            scores = new double[nodes];
            distance = new double[nodes];
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            paths = new long[nodes];
            dependency = new double[nodes];
            order = new int[nodes];
            settledAt = new int[nodes];
            Arrays.fill(settledAt, -1);
            inDegree = new int[nodes];
            heap = new NodeHeap(nodes, distance);
        }

        /** Adds the dependencies of every node on {@code source} to {@link #scores}. */
        void accumulate(int source) {
            int[] start = graph.start();
            int[] target = graph.target();
            double[] weight = graph.weight();
            distance[source] = 0.0;
            paths[source] = 1;
            heap.insert(source);
            int settled = 0;
            boolean topological = true;
            while (!heap.isEmpty()) {
                int node = heap.removeMin();
                settledAt[node] = settled;
                order[settled++] = node;
                double reached = distance[node];
                long count = paths[node];
                for (int edge = start[node]; edge < start[node + 1]; edge++) {
                    int next = target[edge];
                    double via = reached + weight[edge];
                    double known = distance[next];
                    if (via < known) {
                        distance[next] = via;
                        paths[next] = count;
                        if (known == Double.POSITIVE_INFINITY) {
                            heap.insert(next);
                        } else {
                            heap.decrease(next);
                        }
                    } else if (via == known) {
                        // a tight edge into a settled node (weight 0, same distance): the settle order is no
                        // topological order of the shortest paths, so they are counted again below
                        topological &= settledAt[next] < 0;
                        paths[next] += count;
                    }
                }
            }
            if (!topological) {
                countInDagOrder(source, settled);
            }
            for (int i = settled - 1; i >= 0; i--) {
                int node = order[i];
                double reached = distance[node];
                double count = paths[node];
                double sum = 0.0;
                for (int edge = start[node]; edge < start[node + 1]; edge++) {
                    int next = target[edge];
                    if (reached + weight[edge] == distance[next]) {
                        sum += (count / (double) paths[next]) * (1 + dependency[next]);
                    }
                }
                dependency[node] = sum;
                if (node != source) {
                    scores[node] += sum;
                }
            }
            for (int i = 0; i < settled; i++) {
                int node = order[i];
                distance[node] = Double.POSITIVE_INFINITY;
                paths[node] = 0;
                dependency[node] = 0.0;
                settledAt[node] = -1;
            }
        }

        /**
         * Recounts the shortest paths from {@code source} over its shortest-path DAG in a topological order (Kahn),
         * leaving that order in {@link #order}; O(E).
         */
        private void countInDagOrder(int source, int settled) {
            int[] start = graph.start();
            int[] target = graph.target();
            double[] weight = graph.weight();
            for (int i = 0; i < settled; i++) {
                int node = order[i];
                for (int edge = start[node]; edge < start[node + 1]; edge++) {
                    if (distance[node] + weight[edge] == distance[target[edge]]) {
                        inDegree[target[edge]]++;
                    }
                }
                paths[node] = 0;
            }
            paths[source] = 1;
            int head = 0;
            int tail = 0;
            order[tail++] = source;
            while (head < tail) {
                int node = order[head++];
                for (int edge = start[node]; edge < start[node + 1]; edge++) {
                    int next = target[edge];
                    if (distance[node] + weight[edge] == distance[next]) {
                        paths[next] += paths[node];
                        if (--inDegree[next] == 0) {
                            order[tail++] = next;
                        }
                    }
                }
            }
            if (tail != settled) {
                throw new IllegalArgumentException("a cycle of zero-weight edges: shortest paths are not finite");
            }
        }
    }

    /** A binary min-heap of node ids keyed by {@code key[node]}, with each node's place for decrease-key. */
    private static final class NodeHeap {

        private final int[] nodes;
        private final int[] place;
        private final double[] key;
        private int size;

        NodeHeap(int capacity, double[] key) {
            this.nodes = new int[capacity];
            this.place = new int[capacity];
            this.key = key;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void insert(int node) {
            nodes[size] = node;
            place[node] = size;
            up(size++);
        }

        /** Restores the order after {@code key[node]} decreased. */
        void decrease(int node) {
            up(place[node]);
        }

        int removeMin() {
            int min = nodes[0];
            size--;
            if (size > 0) {
                nodes[0] = nodes[size];
                place[nodes[0]] = 0;
                down(0);
            }
            return min;
        }

        private void up(int at) {
            int node = nodes[at];
            double value = key[node];
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (key[nodes[parent]] <= value) {
                    break;
                }
                nodes[at] = nodes[parent];
                place[nodes[at]] = at;
                at = parent;
            }
            nodes[at] = node;
            place[node] = at;
        }

        private void down(int at) {
            int node = nodes[at];
            double value = key[node];
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && key[nodes[child + 1]] < key[nodes[child]]) {
                    child++;
                }
                if (key[nodes[child]] >= value) {
                    break;
                }
                nodes[at] = nodes[child];
                place[nodes[at]] = at;
                at = child;
            }
            nodes[at] = node;
            place[node] = at;
        }
    }
}
