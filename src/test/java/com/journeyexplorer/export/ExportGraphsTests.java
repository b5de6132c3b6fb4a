package com.journeyexplorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default graph, whose unpruned form is kept with the snapshot, against the same graph computed afresh through a
 * selection that selects every journey but is not the default one, in every format and under several prunings.
 */
class ExportGraphsTests {

    private static final String[] STAGES = {"awareness", "consideration", "purchase", "loyalty", ""};

    /**
     * Random finished journeys over 40 touchpoints in four channels and the stages, some competitors, the last the
     * purchase event: 1 to 8 steps, timed or not, a third with a purchase (sometimes followed by more steps), the
     * others abandoned or diverted; weights 1-3.
     */
    static JourneySnapshot randomSnapshot(long seed, int count) {
        Random random = new Random(seed);
        int touchpoints = 40;
        List<Touchpoint> list = new ArrayList<>();
        for (int t = 0; t < touchpoints; t++) {
            list.add(new Touchpoint(t, "t" + t, "c" + t % 4, STAGES[t % STAGES.length],
                    t % 9 == 4 ? Owner.COMPETITOR : Owner.OWN));
        }
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            int length = 1 + random.nextInt(8);
            int[] steps = new int[length];
            byte[] types = new byte[length];
            long[] times = random.nextBoolean() ? new long[length] : new long[0];
            long at = 1_700_000_000_000L + random.nextInt(1_000_000) * 1_000L;
            for (int i = 0; i < length; i++) {
                steps[i] = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(touchpoints - 1);
                types[i] = EventType.TOUCHPOINT.code();
                if (times.length > 0) {
                    at += 1_000L * (1 + random.nextInt(3_600));
                    times[i] = at;
                }
            }
            int purchaseIndex = -1;
            Outcome outcome = random.nextBoolean() ? Outcome.ABANDONED : Outcome.DIVERTED;
            if (random.nextInt(3) == 0) {
                purchaseIndex = random.nextInt(length);
                steps[purchaseIndex] = touchpoints - 1;
                types[purchaseIndex] = EventType.PURCHASE.code();
                outcome = Outcome.PURCHASE;
            }
            journeys.add(new Journey("j" + j, null, steps, times, types, null, outcome, purchaseIndex,
                    purchaseIndex >= 0 ? 20 : 0, 1 + random.nextInt(3), null, null, null));
        }
        return new JourneySnapshot(list, journeys, 1);
    }

    private static String write(GraphExporter exporter, ExportGraph graph) throws IOException {
        StringWriter body = new StringWriter();
        exporter.export(graph, body);
        return body.toString();
    }

    @Test
    void defaultGraphKeptWithTheSnapshotWritesWhatComputingItAfreshWrites() throws IOException {
        JourneySnapshot snapshot = randomSnapshot(21, 3_000);
        assertThat(snapshot.hasOpenJourneys()).isFalse();
        JourneySelection everyJourney = JourneySelection.all().withOpen(true);
        assertThat(everyJourney).isNotEqualTo(JourneySelection.all());
        PathShaping touchpoints = PathShaping.touchpoints();
        List<Pruning> prunings = List.of(new Pruning(1, Pruning.DEFAULT_MAX_EDGES), new Pruning(5, 12),
                new Pruning(1, Pruning.MAX_EDGES_LIMIT), new Pruning(1_000_000, 10));
        List<ExportGraphs.FlowOptions> flowOptions = List.of(new ExportGraphs.FlowOptions(5, 8),
                new ExportGraphs.FlowOptions(3, 2), new ExportGraphs.FlowOptions(5, 8));
        for (GraphExporter exporter : GraphFormats.all()) {
            boolean sankey = exporter.format().equals("sankey");
            for (Pruning pruning : prunings) {
                for (ExportGraphs.FlowOptions options : sankey ? flowOptions : java.util.Collections
                        .<ExportGraphs.FlowOptions>singletonList(null)) {
                    String fresh = write(exporter,
                            ExportGraphs.of(snapshot, everyJourney, touchpoints, pruning, options));
                    String kept = write(exporter,
                            ExportGraphs.of(snapshot, JourneySelection.all(), touchpoints, pruning, options));
                    assertThat(kept).as(exporter.format() + " " + pruning + " " + options).isEqualTo(fresh);
                }
            }
        }
        ExportGraph graph = ExportGraphs.of(snapshot, JourneySelection.all(), touchpoints,
                new Pruning(5, 12), null);
        assertThat(graph.graph().edgeSet()).hasSize(12);
        assertThat(graph.meta().totalLinks()).isGreaterThan(12);
    }

    @Test
    void graphMlAndGexfStayWellFormedWhenNamesHoldCharactersXmlCannot() throws Exception {
        JourneySnapshot random = randomSnapshot(5, 300);
        List<Touchpoint> renamed = new ArrayList<>();
        for (Touchpoint t : random.touchpoints()) {
            String odd = List.of("\u001B[31m", "\u0000", "\u000B", "\uFFFE", "\uD800", "\t\n\r").get(t.id() % 6);
            renamed.add(new Touchpoint(t.id(), t.name() + odd, t.channel() + odd, t.stage() + odd, t.owner()));
        }
        JourneySnapshot snapshot = new JourneySnapshot(renamed, random.journeys(), 1);
        ExportGraph graph = ExportGraphs.of(snapshot, JourneySelection.all(), PathShaping.touchpoints(),
                new Pruning(1, Pruning.MAX_EDGES_LIMIT), null);
        for (GraphExporter exporter : List.of(new GraphMlExporter(), new GexfExporter())) {
            String body = write(exporter, graph);
            assertThat(body).as(exporter.format()).doesNotContain("&#0;", "&#11;", "&#27;");
            GraphExportChecks.Parsed parsed = GraphExportChecks.parse(exporter.format(), body);
            assertThat(parsed.nodes().get("t0").get("label")).as(exporter.format()).isEqualTo("t0\uFFFD[31m");
            assertThat(parsed.nodes().get("t5").get("label")).as(exporter.format()).isEqualTo("t5\t\n\r");
            assertThat(parsed.nodes().get("t4").get("channel")).as(exporter.format()).isEqualTo("c0\uFFFD");
            assertThat(parsed.edges()).as(exporter.format()).hasSize(graph.links().size());
        }
        assertThat(XmlText.clean("\uD83D\uDE00 ok")).isEqualTo("\uD83D\uDE00 ok");
    }

    @Test
    void graphMlAndGexfKeepChannelsApartThatDifferOnlyInCharactersXmlCannotHold() throws Exception {
        JourneySnapshot random = randomSnapshot(9, 300);
        List<Touchpoint> renamed = new ArrayList<>();
        for (Touchpoint t : random.touchpoints()) {
            String channel = List.of("c\uFFFE", "c\uFFFF", "c\uFFFD", "c_x").get(t.id() % 4);
            renamed.add(new Touchpoint(t.id(), t.name(), channel, t.stage(), t.owner()));
        }
        ExportGraph graph = ExportGraphs.of(new JourneySnapshot(renamed, random.journeys(), 1), JourneySelection.all(),
                new PathShaping(PathShaping.Level.CHANNEL, false, null, List.of()),
                new Pruning(1, Pruning.MAX_EDGES_LIMIT), null);
        for (GraphExporter exporter : List.of(new GraphMlExporter(), new GexfExporter())) {
            String body = write(exporter, graph);
            assertThat(body).as(exporter.format()).doesNotContain("\uFFFE", "\uFFFF");
            GraphExportChecks.Parsed parsed = GraphExportChecks.parse(exporter.format(), body);
            assertThat(parsed.nodes()).as(exporter.format())
                    .containsKeys("label:c\uFFFE", "label:c\uFFFF", "label:c\uFFFD", "label:c_x")
                    .hasSize(graph.nodes().size());
            assertThat(parsed.nodes().get("label:c\uFFFE").get("label")).isEqualTo("c\uFFFD");
            assertThat(parsed.edges()).as(exporter.format()).hasSize(graph.links().size());
        }
    }

    /**
     * Channels named like link ids: {@code a->label:b} is the id of the link from channel a to b, and {@code x:post}
     * ends like a post-purchase link's id. Cytoscape.js keeps nodes and edges in one id space and drops (with an
     * error) an element whose id is taken; Gephi refuses a second edge of the same id; so every id of a file is unique,
     * also where an escaped name ({@code q>}) reads like another one ({@code q%3E}).
     */
    @Test
    void channelsNamedLikeLinkIdsKeepEveryNodeAndLinkApart() throws Exception {
        List<Touchpoint> touchpoints = new ArrayList<>();
        List<String> channels = List.of("a", "b", "c", "a->label:b", "b->label:c", "x", "x:post", "x", "q>", "q%3E");
        for (int t = 0; t < channels.size(); t++) {
            touchpoints.add(new Touchpoint(t, "p" + t, channels.get(t), "", Owner.OWN));
        }
        byte touchpoint = EventType.TOUCHPOINT.code();
        byte purchase = EventType.PURCHASE.code();
        List<Journey> journeys = new ArrayList<>();
        // a -> b, a -> (b->label:c), (a->label:b) -> c, a -> (x:post), a -> x after a purchase at x, q> -> q%3E
        int[][] paths = {{0, 1}, {0, 4}, {3, 2}, {0, 6}, {7, 0, 5}, {8, 9}};
        for (int[] path : paths) {
            boolean purchased = path[0] == 7;
            byte[] types = new byte[path.length];
            Arrays.fill(types, touchpoint);
            if (purchased) {
                types[0] = purchase;
            }
            journeys.add(new Journey("j" + journeys.size(), null, path, new long[0], types, null,
                    purchased ? Outcome.PURCHASE : Outcome.ABANDONED, purchased ? 0 : -1, purchased ? 20 : 0, 1,
                    null, null, null));
        }
        ExportGraph graph = ExportGraphs.of(new JourneySnapshot(touchpoints, journeys, 1), JourneySelection.all(),
                new PathShaping(PathShaping.Level.CHANNEL, false, null, List.of()),
                new Pruning(1, Pruning.MAX_EDGES_LIMIT), null);
        int elements = graph.nodes().size() + graph.links().size();
        assertThat(graph.links()).extracting(ExportLink::id).doesNotHaveDuplicates();

        JsonNode cytoscape = JsonMapper.builder().build().readTree(write(new CytoscapeExporter(), graph))
                .get("elements");
        List<String> ids = new ArrayList<>();
        cytoscape.get("nodes").forEach(node -> ids.add(node.get("data").get("id").asString()));
        cytoscape.get("edges").forEach(edge -> ids.add(edge.get("data").get("id").asString()));
        assertThat(ids).as("cytoscape").hasSize(elements).doesNotHaveDuplicates();

        for (GraphExporter exporter : List.of(new GraphMlExporter(), new GexfExporter())) {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(write(exporter, graph))));
            List<String> xmlIds = new ArrayList<>();
            for (String tag : List.of("node", "edge")) {
                NodeList elementsOfTag = xml.getElementsByTagName(tag);
                for (int i = 0; i < elementsOfTag.getLength(); i++) {
                    xmlIds.add(((Element) elementsOfTag.item(i)).getAttribute("id"));
                }
            }
            assertThat(xmlIds).as(exporter.format()).hasSize(elements).doesNotHaveDuplicates();
        }
    }

    @Test
    void gexfDescriptionCountsOneJourneyInTheSingular() throws Exception {
        byte touchpoint = EventType.TOUCHPOINT.code();
        Journey journey = new Journey("j0", null, new int[] {0, 1}, new long[0], new byte[] {touchpoint, touchpoint},
                null, Outcome.ABANDONED, -1, 0, 1, null, null, null);
        JourneySnapshot one = new JourneySnapshot(randomSnapshot(7, 1).touchpoints(), List.of(journey), 1);
        ExportGraph graph = ExportGraphs.of(one, JourneySelection.all(), PathShaping.touchpoints(),
                new Pruning(1, Pruning.MAX_EDGES_LIMIT), null);
        String body = write(new GexfExporter(), graph);
        assertThat(body).contains("Customer journey transitions: 1 journey, level").doesNotContain("1 journeys");
        assertThat(graph.links()).allSatisfy(link -> assertThat(link.toString()).endsWith(" (1 journey)"));
    }
}
