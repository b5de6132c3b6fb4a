package com.journeyexplorer.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.ResponsesByPosition;
import com.journeyexplorer.export.ExportGraph;
import com.journeyexplorer.export.ExportGraphs;
import com.journeyexplorer.export.GraphExporter;
import com.journeyexplorer.export.GraphFormats;
import com.journeyexplorer.export.Pruning;
import com.journeyexplorer.graph.FeedbackGraph;
import com.journeyexplorer.graph.JourneyProjection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

    static final int MAX_SANKEY_STEPS = 20;
    static final int MAX_TOP_PER_STEP = 50;
    /**
     * The links written and the links before pruning, on every format but the Sankey: CSV has no place to say it was
     * cut, and the others say it only inside the file ({@code meta}, a description, a comment).
     */
    static final String LINKS_SHOWN = "Journeys-Links-Shown";
    static final String LINKS_TOTAL = "Journeys-Links-Total";

    static final EndpointParameters GRAPH = EndpointParameters.of(
            QueryParameter.text("format", "The file format").allowing(GraphFormats.names(), GraphFormats.DEFAULT)
                    .readWith(GraphExportController::exporter),
            QueryParameter.integer("minJourneys", 1, Integer.MAX_VALUE, 1, "Prune links with fewer journeys"),
            QueryParameter.integer("maxEdges", 1, Pruning.MAX_EDGES_LIMIT, Pruning.DEFAULT_MAX_EDGES,
                    "Keep at most this many links, the busiest"),
            QueryParameter.integer("steps", 1, MAX_SANKEY_STEPS, 5, "Steps unrolled, 1.." + MAX_SANKEY_STEPS
                    + " (sankey only; checked with any format)"),
            QueryParameter.integer("topPerStep", 1, MAX_TOP_PER_STEP, 8, "Labels kept per step, the rest merged "
                    + "into (other), 1.." + MAX_TOP_PER_STEP + " (sankey only; checked with any format)"));

    private final JourneyProjection projection;
    private final FeedbackGraph feedback;

    GraphExportController(JourneyProjection projection, FeedbackGraph feedback) {
        this.projection = projection;
        this.feedback = feedback;
    }

    @GetMapping("/graph")
    @Operation(summary = "The transition graph as a file", description = "The transitions of the selected journeys "
            + "(whole journeys, the counts of /api/transitions) with node attributes (kind, channel, stage, owner, "
            + "journeys, visits, outcome probabilities; responses and meanScore where survey responses are about "
            + "the node's journeys) and link attributes (journeys, count, probability, "
            + "medianSeconds, diversion). Ids are stable: t<touchpoint id>, start, purchase, abandoned, diverted, "
            + "label:<label> for channel, stage and group labels (% : > in the label as %25 %3A %3E). Links with "
            + "fewer than minJourneys journeys are pruned, then all but the maxEdges busiest. The sankey format "
            + "unrolls the first steps instead. CSV cells starting with = + - @ get a leading apostrophe "
            + "(spreadsheet formula injection).")
    @DeclaredParameters("GRAPH")
    ResponseEntity<String> graph(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        AnalysisRequest request = GRAPH.read(parameters, projection);
        GraphExporter exporter = request.value("format", GraphExporter.class);
        // The Accept header was checked against the format's type before (AnswerNegotiation).
        MediaType mediaType = MediaType.parseMediaType(exporter.mediaType());
        Pruning pruning = new Pruning(request.integer("minJourneys"), request.integer("maxEdges"));
        ExportGraphs.FlowOptions flows = sankey(parameters)
                ? new ExportGraphs.FlowOptions(request.integer("steps"), request.integer("topPerStep"))
                : null;
        ExportGraph graph = ExportGraphs.of(request.snapshot(), request.selection(), request.shaping(), pruning,
                flows, ResponsesByPosition.of(request.snapshot(), feedback.responses()));
        StringWriter body = new StringWriter();
        try {
            exporter.export(graph, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (flows == null) {
            // The Sankey is not the pruned transition graph but the first steps unrolled, cut by steps and
            // topPerStep: the transition graph's counts would describe another graph than the one sent.
            answer.header(LINKS_SHOWN, String.valueOf(graph.meta().links()))
                    .header(LINKS_TOTAL, String.valueOf(graph.meta().totalLinks()));
        }
        return answer
                .contentType(new MediaType(mediaType, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(exporter.fileName()).build().toString())
                .body(body.toString());
    }

    /**
     * Refuses with 406 an {@code Accept} header (its values {@code accept}) that excludes the media type of the format
     * {@code formats} (the values of {@code format}; none for the default) name ({@link AcceptedTypes}); the format is
     * chosen by {@code format} alone, never by {@code Accept}. A format that names none is left to the 400 of the
     * parameter's check.
     */
    static void requireAccepted(List<String> accept, String[] formats) throws HttpMediaTypeNotAcceptableException {
        if (formats != null && formats.length != 1) {
            return;
        }
        GraphExporter exporter = GraphFormats.byName(formats == null ? GraphFormats.DEFAULT : formats[0])
                .orElse(null);
        if (exporter == null) {
            return;
        }
        MediaType mediaType = MediaType.parseMediaType(exporter.mediaType());
        if (AcceptedTypes.accepts(accept, mediaType)) {
            return;
        }
        HttpMediaTypeNotAcceptableException e = new HttpMediaTypeNotAcceptableException(List.of(mediaType));
        e.getBody().setDetail("format=" + exporter.format() + " is sent as " + mediaType + ", which the Accept header '"
                + JourneyQuery.abbreviate(String.join(", ", accept)) + "' excludes; accept " + mediaType
                + " (or */*), or choose the format whose media type you accept");
        throw e;
    }

    /** The exporter of {@code format}, the default one when absent. */
    private static GraphExporter exporter(MultiValueMap<String, String> parameters, String name) {
        String format = JourneyQuery.single(parameters, name);
        return GraphFormats.byName(format == null ? GraphFormats.DEFAULT : format)
                .orElseThrow(() -> new InvalidParameterException(name, "must be one of "
                        + String.join(", ", GraphFormats.names()) + ", was '" + JourneyQuery.abbreviate(format)
                        + "'"));
    }

    private static boolean sankey(MultiValueMap<String, String> parameters) {
        String format = JourneyQuery.single(parameters, "format");
        return format != null && format.equalsIgnoreCase("sankey");
    }
}
