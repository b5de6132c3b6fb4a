package com.journeyexplorer.api;

import java.util.Arrays;
import java.util.List;

import com.journeyexplorer.analysis.HashMixer;
import com.journeyexplorer.analysis.predict.NextTouchpoint;
import com.journeyexplorer.analysis.predict.OutcomeProbabilities;
import com.journeyexplorer.analysis.predict.Prediction;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the lines of an NDJSON batch answer straight to a generator, field by field: the same bytes as the mapper
 * writes for {@link PredictionRequests.PredictAnswer#line} (fields in the record's order, nulls left out), without
 * serializing a record per line. Each number is written as the mapper writes it (cleaned by
 * {@link com.journeyexplorer.export.CleanNumbers}), its text computed once per distinct value and kept in a hash
 * table (up to {@value #MAX_NUMBERS} slots, a few MB at most): predictions of a batch share their contexts, so most
 * of their probabilities repeat, and rounding a double to its decimal text was the costliest part of a line. Lines
 * are separated by a newline alone. O(fields) a line, no allocation for a repeated number or field name (their UTF-8
 * bytes are kept). Not thread-safe: one per batch.
 */
final class PredictionLineWriter {

    private static final SerializedString ID_NAME = new SerializedString("id");
    private static final SerializedString UNKNOWN_STEPS_NAME = new SerializedString("unknownSteps");
    private static final SerializedString CONTEXT_NAME = new SerializedString("context");
    private static final SerializedString SUPPORT_NAME = new SerializedString("support");
    private static final SerializedString OUTCOMES_NAME = new SerializedString("outcomes");
    private static final SerializedString PURCHASE_NAME = new SerializedString("purchase");
    private static final SerializedString ABANDONED_NAME = new SerializedString("abandoned");
    private static final SerializedString DIVERTED_NAME = new SerializedString("diverted");
    private static final SerializedString NEXT_NAME = new SerializedString("next");
    private static final SerializedString TOUCHPOINT_NAME = new SerializedString("touchpoint");
    private static final SerializedString TAKEN_NAME = new SerializedString("taken");
    private static final SerializedString SHARE_NAME = new SerializedString("share");
    private static final SerializedString NOTE_NAME = new SerializedString("note");

    /** The most slots of the number table: beyond half of them it starts afresh. */
    private static final int MAX_NUMBERS = 1 << 17;

    private final JsonGenerator generator;
    private final JsonMapper json;
    /** Open addressing, linear probing: the bits of a double and its text; an empty slot has no text. */
    private long[] numberBits = new long[256];
    private SerializedString[] numberTexts = new SerializedString[256];
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
            generator.writeName(ID_NAME);
            if (id.isString()) {
                generator.writeString(id.asString());
            } else {
                generator.writeTree(id);
            }
        }
        generator.writeName(UNKNOWN_STEPS_NAME);
        strings(prediction.unknownSteps());
        generator.writeName(CONTEXT_NAME);
        strings(prediction.context());
        generator.writeName(SUPPORT_NAME);
        generator.writeNumber(prediction.support());
        OutcomeProbabilities outcomes = prediction.outcomes();
        if (outcomes != null) {
            generator.writeName(OUTCOMES_NAME);
            generator.writeStartObject();
            generator.writeName(PURCHASE_NAME);
            number(outcomes.purchase());
            generator.writeName(ABANDONED_NAME);
            number(outcomes.abandoned());
            generator.writeName(DIVERTED_NAME);
            number(outcomes.diverted());
            generator.writeEndObject();
        }
        generator.writeName(NEXT_NAME);
        generator.writeStartArray();
        for (NextTouchpoint next : prediction.next()) {
            generator.writeStartObject();
            generator.writeName(TOUCHPOINT_NAME);
            generator.writeString(next.touchpoint());
            generator.writeName(TAKEN_NAME);
            generator.writeNumber(next.taken());
            generator.writeName(SHARE_NAME);
            number(next.share());
            generator.writeName(PURCHASE_NAME);
            number(next.purchase());
            generator.writeName(SUPPORT_NAME);
            generator.writeNumber(next.support());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        if (outcomes == null) {
            generator.writeName(NOTE_NAME);
            generator.writeString(PredictionRequests.PredictAnswer.NOTHING_LEARNED);
        }
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
        SerializedString text = new SerializedString(json.writeValueAsString(value));
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
        SerializedString[] oldTexts = numberTexts;
        numberBits = new long[oldBits.length * 2];
        numberTexts = new SerializedString[oldBits.length * 2];
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
