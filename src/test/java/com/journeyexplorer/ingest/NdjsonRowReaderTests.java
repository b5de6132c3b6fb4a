package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NDJSON numbers are kept as written, and a line is read a second time, as tokens, only when one of its numbers may
 * read otherwise than its text: an exponent or a negative zero.
 */
class NdjsonRowReaderTests {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1e2}", "{\"a\":1.5E0}", "{\"a\":2.50e+1,\"b\":1}", "{\"a\":-0}", "{\"a\":-0.00}",
            "{\"a\":1.5,\"b\":-0.0}", "{\"a\":-0e3}", "{\"a\":0.5,\"b\":-0}"})
    void aLineWithAnExponentOrANegativeZeroIsReadAgain(String line) {
        assertThat(NdjsonRowReader.mayReadOtherwiseThanWritten(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"scroll_depth\":0.75,\"value\":0}", "{\"a\":-0.5,\"b\":-0.05,\"c\":2.50}",
            "{\"a\":0.0000001,\"b\":-10.0}",
            "{\"journey_id\":\"demo-000001\",\"t\":\"2026-03-01T10:00:00Z\",\"v\":1.0}"})
    void aLineWhoseNumbersGiveTheirTextBackIsReadOnce(String line) {
        assertThat(NdjsonRowReader.mayReadOtherwiseThanWritten(line)).isFalse();
    }

    @Test
    void everyNumberIsKeptAsWrittenWhetherItsLineIsReadOnceOrTwice() throws IOException {
        Random random = new Random(42);
        StringBuilder ndjson = new StringBuilder();
        List<Map<String, String>> written = new ArrayList<>();
        for (int line = 0; line < 2_000; line++) {
            Map<String, String> numbers = new LinkedHashMap<>();
            StringBuilder object = new StringBuilder("{");
            for (int key = 0; key < 1 + random.nextInt(4); key++) {
                String number = number(random);
                numbers.put("k" + key, number);
                object.append(key == 0 ? "" : ",").append("\"k").append(key).append("\":").append(number);
            }
            written.add(numbers);
            ndjson.append(object).append("}\n");
        }
        List<Map<String, String>> read = new ArrayList<>();
        ErrorCollector errors = new ErrorCollector(10);

        boolean complete = new NdjsonRowReader().read(
                new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)), row -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    row.forEach(values::put);
                    read.add(values);
                }, errors);

        assertThat(errors.errors()).isEmpty();
        assertThat(complete).isTrue();
        assertThat(read).isEqualTo(written);
    }

    /** A JSON number in one of the forms a writer may use: integers, decimals with or without zeros, exponents. */
    private static String number(Random random) {
        String sign = random.nextInt(3) == 0 ? "-" : "";
        String integer = random.nextInt(4) == 0 ? "0" : Long.toString(1 + random.nextInt(1_000_000));
        if (random.nextInt(8) == 0) {
            integer = "12345678901234567890123";
        }
        String fraction = switch (random.nextInt(5)) {
            case 0, 1 -> "";
            case 2 -> "." + "0".repeat(random.nextInt(9)) + (1 + random.nextInt(99));
            case 3 -> "." + random.nextInt(100) + "0".repeat(random.nextInt(3));
            default -> "." + "0".repeat(1 + random.nextInt(3));
        };
        String exponent = random.nextInt(4) != 0 ? ""
                : (random.nextBoolean() ? "e" : "E") + (random.nextInt(3) == 0 ? "" : random.nextBoolean() ? "+" : "-")
                        + random.nextInt(30);
        return sign + integer + fraction + exponent;
    }
}
