package com.journeyexplorer.export;

import java.io.IOException;
import java.io.Writer;

/**
 * One file format of the transition graph, like jgrapht-io's {@code GraphExporter}: a name used in
 * {@code /api/graph?format=}, a media type, a download file name, and the writing itself. Every format carries the
 * same node and link attributes ({@link ExportNode#attributes()}, {@link ExportLink#attributes()}) and the same ids.
 */
public interface GraphExporter {

    /** The value of the {@code format} parameter, e.g. {@code node-link}. */
    String format();

    /** The response's media type, e.g. {@code application/json}. */
    String mediaType();

    /** The file name offered for download, e.g. {@code journey-graph.json}. */
    String fileName();

    /** Writes {@code graph}; the caller closes {@code writer}. */
    void export(ExportGraph graph, Writer writer) throws IOException;
}
