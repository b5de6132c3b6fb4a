package com.journeyexplorer;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The public data sets the tests read, copied with their sources and licences into {@code src/test/resources/data}
 * (see the README there), so that a clone of the repository alone runs every test.
 */
public final class TestData {

    private TestData() {
    }

    /**
     * A file of the test data, by its path under {@code data/}, e.g. {@code pm4py-running-example/running-example.csv}.
     *
     * @throws IllegalStateException when the file is not on the test classpath (a broken checkout, never a skip)
     */
    public static Path file(String relative) {
        URL url = TestData.class.getResource("/data/" + relative);
        if (url == null) {
            throw new IllegalStateException("test data file data/" + relative
                    + " is not on the test classpath (src/test/resources/data)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test data file " + url + " has no file path", e);
        }
    }
}
