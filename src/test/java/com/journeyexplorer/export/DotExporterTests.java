package com.journeyexplorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

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
        List<String> drawn = Graphviz.drawnTexts(Graphviz.svg(dot(PathShaping.touchpoints())));
        assertThat(drawn).contains("R&amp;D", "&lt;b&gt; &#1;", "bad\uFFFD", "esc\uFFFD[31m");
    }
}
