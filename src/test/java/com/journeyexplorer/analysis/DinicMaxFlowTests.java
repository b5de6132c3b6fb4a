package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedMultigraph;
import org.junit.jupiter.api.Test;

class DinicMaxFlowTests {

    @Test
    void findsTheMaximumFlowAndTheCutNearestTheSink() {
        // 0 -> 1 -> 3 and 0 -> 2 -> 3: both paths are full; the cut nearest the sink takes 1 -> 3, not 0 -> 1
        DinicMaxFlow flow = new DinicMaxFlow(4, 4);
        flow.addArc(0, 1, 5);
        flow.addArc(0, 2, 2);
        flow.addArc(1, 3, 5);
        flow.addArc(2, 3, 7);

        assertThat(flow.maximumFlow(0, 3)).isEqualTo(7);
        assertThat(flow.sinkSide(3)).containsExactly(false, false, true, true);
        assertThat(flow.arcCapacity(1)).isEqualTo(2);
    }

    @Test
    void sendsNothingWhenTheSinkIsUnreachable() {
        DinicMaxFlow flow = new DinicMaxFlow(3, 1);
        flow.addArc(1, 0, 4);

        assertThat(flow.maximumFlow(0, 2)).isZero();
        assertThat(flow.sinkSide(2)).containsExactly(false, false, true);
    }

    @Test
    void equalsEdmondsKarpOnRandomNetworks() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int nodes = 2 + random.nextInt(30);
            int arcs = random.nextInt(nodes * 4);
            DinicMaxFlow flow = new DinicMaxFlow(nodes, 1);
            Graph<Integer, DefaultWeightedEdge> network = new DirectedWeightedMultigraph<>(DefaultWeightedEdge.class);
            for (int node = 0; node < nodes; node++) {
                network.addVertex(node);
            }
            for (int arc = 0; arc < arcs; arc++) {
                int from = random.nextInt(nodes);
                int to = random.nextInt(nodes);
                long capacity = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(50);
                flow.addArc(from, to, capacity);
                if (from != to) {
                    network.setEdgeWeight(network.addEdge(from, to), capacity);
                }
            }
            int sink = nodes - 1;
            EdmondsKarpMFImpl<Integer, DefaultWeightedEdge> reference = new EdmondsKarpMFImpl<>(network);
            long expected = Math.round(reference.getMaximumFlowValue(0, sink));

            assertThat(flow.maximumFlow(0, sink)).isEqualTo(expected);
            assertThat(flow.sinkSide(sink)).containsExactly(sinkSide(network, reference, sink));
        }
    }

    /** The nodes that reach the sink in the residual network of the reference flow. */
    private static boolean[] sinkSide(Graph<Integer, DefaultWeightedEdge> network,
            EdmondsKarpMFImpl<Integer, DefaultWeightedEdge> flow, int sink) {
        boolean[] side = new boolean[network.vertexSet().size()];
        Deque<Integer> queue = new ArrayDeque<>();
        side[sink] = true;
        queue.add(sink);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (DefaultWeightedEdge edge : network.incomingEdgesOf(node)) {
                int from = network.getEdgeSource(edge);
                if (!side[from] && network.getEdgeWeight(edge) - flow.getFlowMap().get(edge) > 1e-9) {
                    side[from] = true;
                    queue.add(from);
                }
            }
            for (DefaultWeightedEdge edge : network.outgoingEdgesOf(node)) {
                int to = network.getEdgeTarget(edge);
                if (!side[to] && flow.getFlowMap().get(edge) > 1e-9) {
                    side[to] = true;
                    queue.add(to);
                }
            }
        }
        return side;
    }
}
