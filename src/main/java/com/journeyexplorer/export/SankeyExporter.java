package com.journeyexplorer.export;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import com.journeyexplorer.analysis.Flows;

/**
 * The first steps of the journeys unrolled for d3-sankey: {@code {nodes:[{id,name,step,value,...}],
 * links:[{source,target,value}]}} with links naming nodes by id (use {@code sankey().nodeId(d => d.id)}). A node is
 * (step, label), {@code id = "<step>:<label>"}, less frequent labels merged into {@code (other)}; each node's paths
 * that end there flow into the sinks {@code purchase}, {@code abandoned}, {@code diverted} and {@code open} (journeys
 * still in progress, when selected), and those going on past the last step into {@code continues}. Links only go
 * from step i to step i + 1 or to a sink: acyclic.
 */
public final class SankeyExporter implements GraphExporter {

    public static final List<String> SINKS = List.of("purchase", "abandoned", "diverted", "open", "continues");

    record Sankey(List<Node> nodes, List<Link> links, List<Flows.StepDropoff> dropoffs, long journeys) {
    }

    /** {@code kind}: {@code step}, {@code other} or {@code sink}; {@code step} is -1 for sinks. */
    record Node(String id, String name, String kind, int step, long value, long purchased, long abandoned,
            long diverted, long open, long continues) {
    }

    record Link(String source, String target, long value, boolean dropoff) {
    }

    @Override
    public String format() {
        return "sankey";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String fileName() {
        return "journey-sankey.json";
    }

    @Override
    public void export(ExportGraph graph, Writer writer) {
        Flows flows = graph.flows();
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        long[] sinks = new long[SINKS.size()];
        for (Flows.Node node : flows.nodes()) {
            nodes.add(new Node(node.id(), node.label(), node.merged() ? "other" : "step",
                    node.step(), node.journeys(), node.purchased(), node.abandoned(), node.diverted(), node.open(),
                    node.beyond()));
        }
        for (Flows.Link link : flows.links()) {
            links.add(new Link(link.step() + ":" + link.from(), (link.step() + 1) + ":" + link.to(), link.journeys(),
                    false));
        }
        for (Flows.Node node : flows.nodes()) {
            long[] ends = {node.purchased(), node.abandoned(), node.diverted(), node.open(), node.beyond()};
            for (int i = 0; i < ends.length; i++) {
                if (ends[i] > 0) {
                    links.add(new Link(node.id(), SINKS.get(i), ends[i], true));
                    sinks[i] += ends[i];
                }
            }
        }
        for (int i = 0; i < SINKS.size(); i++) {
            if (sinks[i] > 0) {
                nodes.add(new Node(SINKS.get(i), SINKS.get(i), "sink", -1, sinks[i], i == 0 ? sinks[i] : 0,
                        i == 1 ? sinks[i] : 0, i == 2 ? sinks[i] : 0, i == 3 ? sinks[i] : 0, i == 4 ? sinks[i] : 0));
            }
        }
        Json.write(new Sankey(nodes, links, flows.dropoffs(), flows.total()), writer);
    }
}
