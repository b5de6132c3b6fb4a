package com.journeyexplorer.export;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Graphviz's {@code dot}, found on the PATH, drawing a DOT export into SVG: what a user of the DOT file gets. Tests
 * that draw are skipped where Graphviz is not installed ({@code .ci/run} installs it).
 */
final class Graphviz {

    private Graphviz() {
    }

    /** The SVG that {@code dot -Tsvg} draws of {@code dot}; skips the test when Graphviz is absent. */
    static String svg(String dot) throws IOException, InterruptedException {
        Optional<Path> executable = executable();
        Assumptions.assumeTrue(executable.isPresent(), "Graphviz is not installed");
        Process graphviz = new ProcessBuilder(executable.get().toString(), "-Tsvg").redirectErrorStream(true).start();
        try (var in = graphviz.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        }
        String svg = new String(graphviz.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (graphviz.waitFor() != 0) {
            throw new AssertionError("dot -Tsvg failed: " + svg);
        }
        return svg;
    }

    /** The texts of {@code svg}'s {@code <text>} elements, read by an XML parser (so the SVG must be well-formed). */
    static List<String> drawnTexts(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        NodeList texts = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)))
                .getElementsByTagName("text");
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            drawn.add(texts.item(i).getTextContent());
        }
        return drawn;
    }

    private static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            Path dot = Path.of(directory, "dot");
            if (!directory.isEmpty() && Files.isExecutable(dot)) {
                return Optional.of(dot);
            }
        }
        return Optional.empty();
    }
}
