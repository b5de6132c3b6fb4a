package com.journeyexplorer.api;

import java.util.Arrays;
import java.util.List;

import com.journeyexplorer.analysis.HashMixer;
import com.journeyexplorer.analysis.predict.NextTouchpoint;
import com.journeyexplorer.analysis.predict.OutcomeProbabilities;
import com.journeyexplorer.analysis.predict.Prediction;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the lines of an NDJSON batch answer straight to a generator, field by field: the same bytes as the mapper
 * writes for {@link PredictionRequests.PredictAnswer#line} (fields in the record's order, nulls left out), without
 * serializing a record per line. Each number is written as the mapper writes it (cleaned by
 * {@link com.journeyexplorer.export.CleanNumbers}), its text computed once per distinct value and kept in a hash
 * table (up to {@value #MAX_NUMBERS} slots, about 6 MB at most): predictions of a batch share their contexts, so most of their probabilities repeat, and
 * rounding a double to its decimal text is the costliest part of a line. O(fields) a line, no allocation for a
 * repeated number. Not thread-safe: one per batch.
 */
final class PredictionLineWriter {

    /** The most slots of the number table: beyond half of them it starts afresh. */
    private static final int MAX_NUMBERS = 1 << 17;

    private final JsonGenerator generator;
    private final JsonMapper json;
    /** Open addressing, linear probing: the bits of a double and its text; an empty slot has no text. */
    private long[] numberBits = new long[256];
    private String[] numberTexts = new String[256];
    private int mask = 255;
    private int numbers;

    PredictionLineWriter(JsonGenerator generator, JsonMapper json) {
        this.generator = generator;
        this.json = json;
    }

    /** Writes the answer line of {@code prediction} for a request with {@code id} (null for none), then a newline. */
    void write(JsonNode id, Prediction prediction) {
        generator.writeStartObject();
        if (id != null) {
            generator.writeName("id");
            if (id.isString()) {
                generator.writeString(id.asString());
            } else {
                generator.writeTree(id);
            }
        }
        generator.writeName("unknownSteps");
        strings(prediction.unknownSteps());
        generator.writeName("context");
        strings(prediction.context());
        generator.writeName("support");
        generator.writeNumber(prediction.support());
        OutcomeProbabilities outcomes = prediction.outcomes();
        generator.writeName("outcomes");
        generator.writeStartObject();
        generator.writeName("purchase");
        number(outcomes.purchase());
        generator.writeName("abandoned");
        number(outcomes.abandoned());
        generator.writeName("diverted");
        number(outcomes.diverted());
        generator.writeEndObject();
        generator.writeName("next");
        generator.writeStartArray();
        for (NextTouchpoint next : prediction.next()) {
            generator.writeStartObject();
            generator.writeName("touchpoint");
            generator.writeString(next.touchpoint());
            generator.writeName("taken");
            generator.writeNumber(next.taken());
            generator.writeName("share");
            number(next.share());
            generator.writeName("purchase");
            number(next.purchase());
            generator.writeName("support");
            generator.writeNumber(next.support());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    private void strings(List<String> values) {
        generator.writeStartArray();
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }

    /** {@code value} as the mapper writes a double, from the table when it was written before. */
    private void number(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int slot = HashMixer.mix(bits) & mask;
        while (numberTexts[slot] != null) {
            if (numberBits[slot] == bits) {
                generator.writeRawValue(numberTexts[slot]);
                return;
            }
            slot = (slot + 1) & mask;
        }
        String text = json.writeValueAsString(value);
        generator.writeRawValue(text);
        if (++numbers * 2 > numberTexts.length) {
            if (numberTexts.length == MAX_NUMBERS) {
                Arrays.fill(numberTexts, null);
                numbers = 0;
                return;
            }
            grow();
            slot = HashMixer.mix(bits) & mask;
            while (numberTexts[slot] != null) {
                slot = (slot + 1) & mask;
            }
        }
        numberBits[slot] = bits;
        numberTexts[slot] = text;
    }

    private void grow() {
        long[] oldBits = numberBits;
        String[] oldTexts = numberTexts;
        numberBits = new long[oldBits.length * 2];
        numberTexts = new String[oldBits.length * 2];
        mask = numberBits.length - 1;
        for (int i = 0; i < oldBits.length; i++) {
            if (oldTexts[i] != null) {
                int slot = HashMixer.mix(oldBits[i]) & mask;
                while (numberTexts[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                numberBits[slot] = oldBits[i];
                numberTexts[slot] = oldTexts[i];
            }
        }
    }
}
