package com.journeyexplorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.journey.Touchpoint;

/** The DOT export of names that Graphviz would read as entities or write into an SVG that no XML parser reads. */
class DotExporterTests {

    private static final List<String> NAMES = List.of("R&amp;D", "&lt;b&gt; &#1;", "bad\uFFFE", "esc\u001B[31m");

    private static String dot(PathShaping shaping) throws Exception {
        JourneySnapshot random = ExportGraphsTests.randomSnapshot(5, 300);
        List<Touchpoint> renamed = new ArrayList<>();
        for (Touchpoint t : random.touchpoints()) {
            String name = t.id() < NAMES.size() ? NAMES.get(t.id()) : t.name();
            String channel = t.id() % 4 == 0 ? "c\uFFFE" : t.id() % 4 == 1 ? "c\uFFFF" : t.channel();
            renamed.add(new Touchpoint(t.id(), name, channel, t.stage(), t.owner()));
        }
        ExportGraph graph = ExportGraphs.of(new JourneySnapshot(renamed, random.journeys(), 1),
                JourneySelection.all(), shaping, new Pruning(1, Pruning.MAX_EDGES_LIMIT), null);
        StringWriter body = new StringWriter();
        new DotExporter().export(graph, body);
        return body.toString();
    }

    @Test
    void ampersandsAreEscapedAndCharactersXmlCannotHoldReplacedOrEscaped() throws Exception {
        String touchpoints = dot(PathShaping.touchpoints());
        assertThat(touchpoints).contains("label=\"R&amp;amp;D\"", "label=\"&amp;lt;b&amp;gt; &amp;#1;\"",
                "label=\"bad\uFFFD\"", "label=\"esc\uFFFD[31m\"").doesNotContain("\uFFFE", "\u001B");

        String channels = dot(new PathShaping(PathShaping.Level.CHANNEL, false, null, List.of()));
        assertThat(channels)
                .contains("\"label:c\\ufffe\" [ label=\"c\uFFFD\"", "\"label:c\\uffff\" [ label=\"c\uFFFD\"")
                .doesNotContain("\uFFFE", "\uFFFF");
    }

    @Test
    void graphvizDrawsTheNamesAsTheyAreIntoWellFormedSvg() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dot")),
                "Graphviz is not installed");
        Process graphviz = new ProcessBuilder("/usr/bin/dot", "-Tsvg").redirectErrorStream(true).start();
        try (var in = graphviz.getOutputStream()) {
            in.write(dot(PathShaping.touchpoints()).getBytes(StandardCharsets.UTF_8));
        }
        String svg = new String(graphviz.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(graphviz.waitFor()).as(svg).isZero();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        NodeList texts = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)))
                .getElementsByTagName("text");
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            drawn.add(texts.item(i).getTextContent());
        }
        assertThat(drawn).contains("R&amp;D", "&lt;b&gt; &#1;", "bad\uFFFD", "esc\uFFFD[31m");
    }
}
