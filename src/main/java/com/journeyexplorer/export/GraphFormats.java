package com.journeyexplorer.export;

import java.util.List;
import java.util.Optional;

/** Every export format, by the name used in {@code /api/graph?format=}; {@code node-link} is the default. */
public final class GraphFormats {

    public static final String DEFAULT = "node-link";

    private static final List<GraphExporter> ALL = List.of(new NodeLinkExporter(), new CytoscapeExporter(),
            new SankeyExporter(), new GraphMlExporter(), new GexfExporter(), new DotExporter(), new CsvExporter());

    private GraphFormats() {
    }

    public static List<GraphExporter> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(GraphExporter::format).toList();
    }

    public static Optional<GraphExporter> byName(String format) {
        return ALL.stream().filter(exporter -> exporter.format().equalsIgnoreCase(format)).findFirst();
    }
}
