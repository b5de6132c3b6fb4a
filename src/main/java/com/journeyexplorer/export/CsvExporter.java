package com.journeyexplorer.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An edge list in CSV (RFC 4180, header row): one row per link with its source and target ids and labels and every
 * link attribute; an empty cell where a link has no timing. Spreadsheet formula injection is guarded: a text cell
 * that starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so that a touchpoint named
 * {@code =HYPERLINK(...)} shows as text in Excel or LibreOffice instead of running.
 */
public final class CsvExporter implements GraphExporter {

    static final List<String> HEADER = List.of("source", "target", "sourceLabel", "targetLabel", "journeys", "count",
            "probability", "medianSeconds", "meanSeconds", "diversion");

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    @Override
    public String fileName() {
        return "journey-graph.csv";
    }

    @Override
    public void export(ExportGraph graph, Writer writer) throws IOException {
        Map<String, String> labels = new HashMap<>();
        graph.nodes().forEach(node -> labels.put(node.id(), node.label()));
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get().print(writer);
        printer.printRecord(HEADER);
        for (ExportLink link : graph.links()) {
            List<Object> row = new ArrayList<>(HEADER.size());
            row.add(text(link.source()));
            row.add(text(link.target()));
            row.add(text(labels.get(link.source())));
            row.add(text(labels.get(link.target())));
            row.add(link.journeys());
            row.add(link.count());
            row.add(link.probability());
            row.add(link.medianSeconds() == null ? "" : CleanNumbers.clean(link.medianSeconds()));
            row.add(link.meanSeconds() == null ? "" : CleanNumbers.clean(link.meanSeconds()));
            row.add(link.diversion());
            printer.printRecord(row);
        }
        printer.flush();
    }

    /** A text cell safe to open in a spreadsheet: formula starters get a leading apostrophe. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
