package com.journeyexplorer.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.journeyexplorer.analysis.predict.NextTouchpoint;
import com.journeyexplorer.analysis.predict.OutcomeProbabilities;
import com.journeyexplorer.analysis.predict.Prediction;
import com.journeyexplorer.analysis.predict.VariableOrderChain;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The bodies of {@code POST /api/predict}, read and checked: one JSON object {@code {"id": ..., "steps": [...]}}, or
 * NDJSON with one such object a line, answered line by line in the same order. Every bound is a 400 naming the field
 * past it: at most {@value #MAX_LINES} lines, {@value #MAX_STEPS} steps a journey, {@value #MAX_NAME_LENGTH}
 * characters a step; the whole body at most {@value #MAX_BODY_BYTES} bytes (413); a key given twice is a 400 naming
 * it. The id is echoed as sent, a number as its JSON text. A whole batch is read and checked before the first answer
 * is written, so a bad line answers a problem, never half an answer.
 */
final class PredictionRequests {

    static final int MAX_LINES = 10_000;
    static final int MAX_STEPS = 200;
    static final int MAX_NAME_LENGTH = 500;
    static final long MAX_BODY_BYTES = 16L << 20;

    /**
     * One journey to predict: its steps so far, and the caller's id echoed back (null when none was given): a string
     * as its value, any other JSON value as its JSON text exactly as sent ({@link #idAsSent}).
     */
    record PredictionRequest(JsonNode id, List<String> steps) {
    }

    /**
     * One prediction as the API answers it: the request's id (when given), then the {@link Prediction}. A single
     * answer also repeats the steps and says what the model was: {@code order}, {@code minSupport} and the
     * {@code journeys} it learned from; a batch line leaves these out (null), as they are the request's for every
     * line and the id tells the lines apart. When the filters select no journey there is nothing to learn from:
     * {@code outcomes} is left out and {@code note} says why, as an attribution of no purchase does.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PredictAnswer(JsonNode id, List<String> steps, List<String> unknownSteps, List<String> context,
            long support, OutcomeProbabilities outcomes, List<NextTouchpoint> next, Integer order, Integer minSupport,
            Long journeys, String note) {

        static final String NOTHING_LEARNED = "No journey is selected, so there is nothing to learn from: outcomes "
                + "is left out. Widen the filters or import journeys.";

        static PredictAnswer single(PredictionRequest request, Prediction prediction, VariableOrderChain model,
                int minSupport) {
            return new PredictAnswer(request.id(), request.steps(), prediction.unknownSteps(), prediction.context(),
                    prediction.support(), prediction.outcomes(), prediction.next(), model.order(), minSupport,
                    model.journeys(), note(prediction));
        }

        static PredictAnswer line(PredictionRequest request, Prediction prediction) {
            return new PredictAnswer(request.id(), null, prediction.unknownSteps(), prediction.context(),
                    prediction.support(), prediction.outcomes(), prediction.next(), null, null, null,
                    note(prediction));
        }

        private static String note(Prediction prediction) {
            return prediction.outcomes() == null ? NOTHING_LEARNED : null;
        }
    }

    private PredictionRequests() {
    }

    /** The one request of a JSON body. */
    static PredictionRequest single(InputStream body, JsonMapper json) throws IOException {
        return request(json, utf8(body.readAllBytes()), "");
    }

    /**
     * The body as text, refused where it is not UTF-8: a byte that decodes to nothing would otherwise become U+FFFD
     * and its step an unknown name, an answer to a question not asked. A leading byte order mark (as Windows tools
     * write) is dropped, as the uploads drop it, rather than refused as a JSON syntax error at column 1. O(bytes).
     */
    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean byteOrderMark = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF;
        ByteBuffer in = byteOrderMark ? ByteBuffer.wrap(bytes, 3, bytes.length - 3) : ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InvalidParameterException("body", "is not UTF-8 text: line " + line + " has the byte 0x"
                    + HexFormat.of().withUpperCase().toHexDigits(bytes[in.position()]) + " that no character begins "
                    + "or continues with; send the steps' names in UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Every request of an NDJSON body, blank lines skipped, in order. */
    static List<PredictionRequest> batch(InputStream body, JsonMapper json) throws IOException {
        List<PredictionRequest> requests = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new StringReader(utf8(body.readAllBytes())));
        int line = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            if (requests.size() == MAX_LINES) {
                throw new InvalidParameterException("lines", "has more than " + MAX_LINES + " journeys (line " + line
                        + "); send at most " + MAX_LINES + " lines a request");
            }
            PredictionRequest quick = plainRequest(json, text);
            if (quick != null) {
                requests.add(quick);
            } else {
                requests.add(request(json, text, " on line " + line));
            }
        }
        if (requests.isEmpty()) {
            throw new InvalidParameterException("lines", "is empty: send one {\"id\": ..., \"steps\": [...]} a line");
        }
        return requests;
    }

    /**
     * Answers an NDJSON batch: every line read and checked ({@link #batch}), then predicted by {@code model} and
     * written to {@code out} one answer a line ({@link PredictAnswer#line}, streamed by a
     * {@link PredictionLineWriter}), in the order given. O(lines · (order + next · order)).
     */
    static void answerBatch(InputStream body, OutputStream out, VariableOrderChain model, int minSupport, int next,
            JsonMapper json) throws IOException {
        List<PredictionRequest> requests = batch(body, json);
        try (JsonGenerator generator = json.writer().withRootValueSeparator("").createGenerator(out)) {
            PredictionLineWriter lines = new PredictionLineWriter(generator, json);
            for (PredictionRequest request : requests) {
                lines.write(request.id(), model.predict(request.steps(), minSupport, next));
            }
        }
    }

    /**
     * The request of a line read token by token, without a tree, when it is plainly valid: one object with a
     * {@code steps} array of at least one and at most {@value #MAX_STEPS} non-blank names of at most
     * {@value #MAX_NAME_LENGTH} characters and an optional {@code id} that is no object or array, each field once, and
     * nothing after it. Null for anything else, which {@link #request} then reads: an error names the field as always,
     * and a field given twice is refused. The id is kept as {@link #idAsSent} keeps it.
     */
    private static PredictionRequest plainRequest(JsonMapper json, String text) {
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonNode id = null;
            boolean idRead = false;
            List<String> steps = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("id") && !idRead) {
                    idRead = true;
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        return null;
                    }
                    id = asSent(json, parser, value, null, 0);
                } else if (field.equals("steps") && steps == null && value == JsonToken.START_ARRAY) {
                    steps = new ArrayList<>();
                    for (JsonToken step = parser.nextToken(); step != JsonToken.END_ARRAY; step = parser.nextToken()) {
                        if (step != JsonToken.VALUE_STRING || steps.size() == MAX_STEPS) {
                            return null;
                        }
                        String name = parser.getString();
                        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
                            return null;
                        }
                        steps.add(name);
                    }
                } else {
                    return null;
                }
            }
            if (steps == null || steps.isEmpty() || parser.nextToken() != null) {
                return null;
            }
            return new PredictionRequest(id == null || id.isNull() ? null : id, steps);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The request of one JSON text: its syntax, then its keys ({@link #idAsSent}), then its fields checked. */
    private static PredictionRequest request(JsonMapper json, String text, String where) {
        JsonNode node = parse(json, text, where);
        JsonNode id = idAsSent(json, text, where);
        return new PredictionRequest(id, steps(node, where));
    }

    /**
     * The id of a request that parses, as sent: a string as its value, any other value as its JSON text exactly as
     * written ({@code 1E2} stays {@code 1E2}, {@code 1e999} does not become Infinity, nor {@code 42} 42.0), null when
     * absent or null. A key given twice in the request, or in an object inside one of its fields, is a 400 naming it:
     * JSON does not say which value would count. O(the text's tokens).
     */
    private static JsonNode idAsSent(JsonMapper json, String text, String where) {
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Set<String> fields = new HashSet<>();
            JsonNode id = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                if (!fields.add(field)) {
                    throw new InvalidParameterException(field, "is given twice" + where
                            + "; give each field once (JSON does not say which value would count)");
                }
                JsonToken value = parser.nextToken();
                long start = parser.currentTokenLocation().getCharOffset();
                skipRequiringDistinctKeys(parser, value, field, where);
                if (field.equals("id")) {
                    id = asSent(json, parser, value, text, start);
                }
            }
            return id;
        } catch (JacksonException e) {
            return null; // parse has read the text already: not reached
        }
    }

    /** Moves past the value that starts with {@code token}, refusing an object inside it that repeats a key. */
    private static void skipRequiringDistinctKeys(JsonParser parser, JsonToken token, String field, String where) {
        if (token == JsonToken.START_OBJECT) {
            Set<String> keys = new HashSet<>();
            for (JsonToken next = parser.nextToken(); next == JsonToken.PROPERTY_NAME; next = parser.nextToken()) {
                String key = parser.currentName();
                if (!keys.add(key)) {
                    throw new InvalidParameterException(field, "holds the key \"" + JourneyQuery.abbreviate(key)
                            + "\" twice" + where + "; give each key once (JSON does not say which value would count)");
                }
                skipRequiringDistinctKeys(parser, parser.nextToken(), field, where);
            }
        } else if (token == JsonToken.START_ARRAY) {
            for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                skipRequiringDistinctKeys(parser, next, field, where);
            }
        }
    }

    /**
     * The value just read, which began with {@code token} at {@code start} of {@code text}: null for null, a string
     * node for a string, else its JSON text as written, kept raw so that writing it gives the same characters.
     */
    private static JsonNode asSent(JsonMapper json, JsonParser parser, JsonToken token, String text, long start) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            return json.getNodeFactory().stringNode(parser.getString());
        }
        String written = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
                ? text.substring((int) start, (int) parser.currentTokenLocation().getCharOffset() + 1)
                : parser.getString();
        return json.getNodeFactory().rawValueNode(new RawValue(written));
    }

    /**
     * The tree of one JSON text. A syntax error names where it is: the column of an NDJSON line ({@code where} names
     * the line), the line and column of a single body, which may be spread over many lines.
     */
    private static JsonNode parse(JsonMapper json, String text, String where) {
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            var location = e.getLocation();
            String at = location == null ? ""
                    : where.isEmpty() ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"
                    : " (column " + location.getColumnNr() + ")";
            throw new InvalidParameterException("body", "is not valid JSON" + where + at + ": send {\"steps\": "
                    + "[\"Instagram ad\", \"Product page\"]}");
        }
    }

    /** The steps of a parsed request, checked with its fields; its id is read by {@link #idAsSent}. */
    private static List<String> steps(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new InvalidParameterException("body", "must be a JSON object" + where + ", like {\"steps\": "
                    + "[\"Instagram ad\", \"Product page\"]}");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getKey().equals("id") && !field.getKey().equals("steps")) {
                throw new InvalidParameterException(field.getKey(), "is not a field of a prediction request" + where
                        + " (known: id, steps)");
            }
        }
        JsonNode steps = node.get("steps");
        if (steps == null || steps.isNull()) {
            throw new InvalidParameterException("steps", "is required" + where + ": the touchpoints the journey has "
                    + "taken so far, oldest first");
        }
        if (!steps.isArray()) {
            throw new InvalidParameterException("steps", "must be an array of touchpoint names" + where);
        }
        if (steps.isEmpty()) {
            throw new InvalidParameterException("steps", "must name at least one touchpoint" + where);
        }
        if (steps.size() > MAX_STEPS) {
            throw new InvalidParameterException("steps", "has " + steps.size() + " steps" + where + "; at most "
                    + MAX_STEPS + " are allowed (the last ones are what the prediction rests on)");
        }
        List<String> names = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            if (!step.isString() || step.asString().isBlank()) {
                throw new InvalidParameterException("steps[" + i + "]", "must be a touchpoint name" + where);
            }
            if (step.asString().length() > MAX_NAME_LENGTH) {
                throw new InvalidParameterException("steps[" + i + "]", "is longer than " + MAX_NAME_LENGTH
                        + " characters" + where);
            }
            names.add(step.asString());
        }
        return names;
    }
}
