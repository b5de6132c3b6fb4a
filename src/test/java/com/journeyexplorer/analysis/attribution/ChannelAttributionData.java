package com.journeyexplorer.analysis.attribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.journeyexplorer.TestData;

/** A minimal reader of ChannelAttribution's example data, {@code channelattribution/Data.csv} of the test data. */
final class ChannelAttributionData {

    static final Path FILE = TestData.file("channelattribution/Data.csv");

    /** One row: {@code path;total_conversions;total_conversion_value;total_null}. */
    record Row(String[] steps, long conversions, double value, long nulls) {
    }

    private ChannelAttributionData() {
    }

    /** The rows. */
    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(FILE);
        List<Row> rows = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(";");
            rows.add(new Row(fields[0].trim().split("\\s*>\\s*"), Long.parseLong(fields[1].trim()),
                    Double.parseDouble(fields[2].trim()), Long.parseLong(fields[3].trim())));
        }
        return rows;
    }

    /** Each row as a converted path (if it has conversions) and a non-converted one (if it has nulls). */
    static List<AttributionPath> paths(List<Row> rows) {
        List<AttributionPath> paths = new ArrayList<>();
        for (Row row : rows) {
            if (row.conversions() > 0) {
                paths.add(AttributionPath.untimed(row.steps(), true, row.value(), row.conversions()));
            }
            if (row.nulls() > 0) {
                paths.add(AttributionPath.untimed(row.steps(), false, 0, row.nulls()));
            }
        }
        return paths;
    }
}
