package com.journeyexplorer.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.export.ExportGraph;
import com.journeyexplorer.export.ExportGraphs;
import com.journeyexplorer.export.GraphExporter;
import com.journeyexplorer.export.GraphFormats;
import com.journeyexplorer.export.Pruning;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/graph?format=...}: the transition graph of the selected journeys in one of
 * {@link GraphFormats#names()}, with the common filters and shaping, pruned by {@code minJourneys} and
 * {@code maxEdges}; the Sankey format also takes {@code steps} and {@code topPerStep}.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Graph exports")
class GraphExportController {

    static final Set<String> PARAMETERS = Set.of("format", "minJourneys", "maxEdges", "steps", "topPerStep");
    static final int MAX_SANKEY_STEPS = 20;
    static final int MAX_TOP_PER_STEP = 50;

    private final JourneyProjection projection;

    GraphExportController(JourneyProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/graph")
    @Operation(summary = "The transition graph as a file", description = "The transitions of the selected journeys "
            + "(whole journeys, the counts of /api/transitions) with node attributes (kind, channel, stage, owner, "
            + "journeys, visits, outcome probabilities) and link attributes (journeys, count, probability, "
            + "medianSeconds, diversion). Ids are stable: t<touchpoint id>, start, purchase, abandoned, diverted, "
            + "label:<label> for channel, stage and group labels. Links with fewer than minJourneys journeys are "
            + "pruned, then all but the maxEdges busiest. The sankey format unrolls the first steps instead. CSV "
            + "cells starting with = + - @ get a leading apostrophe (spreadsheet formula injection).")
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "The file format",
            schema = @Schema(allowableValues = {"node-link", "cytoscape", "sankey", "graphml", "gexf", "dot", "csv"},
                    defaultValue = GraphFormats.DEFAULT))
    @Parameter(name = "minJourneys", in = ParameterIn.QUERY, description = "Prune links with fewer journeys",
            schema = @Schema(type = "integer", minimum = "1", defaultValue = "1"))
    @Parameter(name = "maxEdges", in = ParameterIn.QUERY, description = "Keep at most this many links, the busiest",
            schema = @Schema(type = "integer", minimum = "1", maximum = "5000", defaultValue = "500"))
    @Parameter(name = "steps", in = ParameterIn.QUERY, description = "Steps unrolled, 1..20 (sankey only)",
            schema = @Schema(type = "integer", minimum = "1", maximum = "20", defaultValue = "5"))
    @Parameter(name = "topPerStep", in = ParameterIn.QUERY, description = "Labels kept per step, the rest merged "
            + "into (other), 1..50 (sankey only)",
            schema = @Schema(type = "integer", minimum = "1", maximum = "50", defaultValue = "8"))
    @JourneyFilterParameters
    @PathShapingParameters
    ResponseEntity<String> graph(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        String format = JourneyQuery.single(parameters, "format");
        GraphExporter exporter = GraphFormats.byName(format == null ? GraphFormats.DEFAULT : format)
                .orElseThrow(() -> new InvalidParameterException("format", "must be one of "
                        + String.join(", ", GraphFormats.names()) + ", was '" + JourneyQuery.abbreviate(format)
                        + "'"));
        JourneySnapshot snapshot = projection.current();
        JourneyQuery query = JourneyQuery.of(parameters, PARAMETERS).requireKnownTouchpoints(snapshot);
        Pruning pruning = new Pruning(
                JourneyQuery.integer(parameters, "minJourneys", 1, Integer.MAX_VALUE, 1),
                JourneyQuery.integer(parameters, "maxEdges", 1, Pruning.MAX_EDGES_LIMIT, Pruning.DEFAULT_MAX_EDGES));
        ExportGraphs.FlowOptions flows = exporter.format().equals("sankey")
                ? new ExportGraphs.FlowOptions(JourneyQuery.integer(parameters, "steps", 1, MAX_SANKEY_STEPS, 5),
                        JourneyQuery.integer(parameters, "topPerStep", 1, MAX_TOP_PER_STEP, 8))
                : null;
        ExportGraph graph = ExportGraphs.of(snapshot, query.selection(), query.shaping(), pruning, flows);
        StringWriter body = new StringWriter();
        try {
            exporter.export(graph, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(exporter.mediaType()), StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(exporter.fileName()).build().toString())
                .body(body.toString());
    }
}
