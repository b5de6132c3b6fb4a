package com.journeyexplorer.analysis.chain;

/**
 * The strongly connected components of the graph of a {@link Csr} matrix (an edge i → j where entry (i, j) is
 * stored), by Tarjan's algorithm without recursion: O(n + m). Components come in the order Tarjan finishes them,
 * which is a reverse topological order: every edge leaving a component leads to one listed before it.
 */
final class Components {

    /** The states, component after component. */
    final int[] members;
    /** Component c holds {@code members[start[c]..start[c+1])}. */
    final int[] start;
    /** The component of each state. */
    final int[] of;

    private Components(int[] members, int[] start, int[] of) {
        this.members = members;
        this.start = start;
        this.of = of;
    }

    int count() {
        return start.length - 1;
    }

    int size(int component) {
        return start[component + 1] - start[component];
    }

    static Components of(Csr graph) {
        int n = graph.rows();
        int[] rowStart = graph.rowStart();
        int[] column = graph.column();
        int[] index = new int[n];
        int[] low = new int[n];
        java.util.Arrays.fill(index, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int stackSize = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int[] members = new int[n];
        int memberCount = 0;
        int[] of = new int[n];
        int[] start = new int[n + 1];
        int components = 0;
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = rowStart[root];
            index[root] = low[root] = counter++;
            stack[stackSize++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < rowStart[v + 1]) {
                    int w = column[callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = rowStart[w];
                    } else if (onStack[w] && index[w] < low[v]) {
                        low[v] = index[w];
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    start[components] = memberCount;
                    int w;
                    do {
                        w = stack[--stackSize];
                        onStack[w] = false;
                        of[w] = components;
                        members[memberCount++] = w;
                    } while (w != v);
                    components++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    if (low[v] < low[parent]) {
                        low[parent] = low[v];
                    }
                }
            }
        }
        start[components] = memberCount;
        for (int c = 0; c < components; c++) {
            java.util.Arrays.sort(members, start[c], start[c + 1]);
        }
        return new Components(members, java.util.Arrays.copyOf(start, components + 1), of);
    }
}
