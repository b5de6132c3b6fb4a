package com.journeyexplorer.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.journeyexplorer.ingest.JsonReadMessages;
import com.journeyexplorer.ingest.SizeLimitedInputStream;
import com.journeyexplorer.ingest.UploadTooLargeException;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body that is one JSON object of known members, read strictly. Spring's binding answers a malformed body
 * with a vague "Failed to read request", drops a misspelt member without a word and coerces {@code 5} or
 * {@code ["a"]} into a string; here each is a 400 naming the member (or the line and column) and what was expected.
 *
 * @param what    the request, for messages: "a Cypher request"
 * @param members the accepted members, in the order a message lists them
 * @param shape   an example body, for messages about a body that is no object
 */
record StrictJsonBody(String what, List<String> members, String shape) {

    StrictJsonBody {
        members = List.copyOf(members);
    }

    /** The request's body, refused with a 413 problem saying {@code tooLarge} once it exceeds {@code maxBytes}. */
    static byte[] bytes(HttpServletRequest request, long maxBytes, String tooLarge) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw new UploadTooLargeException(maxBytes, tooLarge);
        }
        try (InputStream in = new SizeLimitedInputStream(request.getInputStream(), maxBytes, tooLarge)) {
            return in.readAllBytes();
        }
    }

    /**
     * The JSON object in {@code body}.
     *
     * @throws InvalidParameterException for a body that is empty, no JSON (naming the line and column), has a member
     *                                   twice or something after the object, is no object, or has a member other
     *                                   than {@link #members()}
     */
    JsonNode object(byte[] body, JsonMapper json) {
        JsonNode node;
        try {
            node = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location == null || location.getLineNr() < 1 ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidParameterException("body", "is not valid JSON" + where + reason(e) + ": send " + shape);
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidParameterException("body", "is empty: send " + shape);
        }
        if (!node.isObject()) {
            throw new InvalidParameterException("body", "must be a JSON object, got " + kind(node) + ": send " + shape);
        }
        for (String member : node.propertyNames()) {
            if (!members.contains(member)) {
                throw new InvalidParameterException(member, "is not a member of " + what + " (accepted: "
                        + String.join(", ", members) + ")");
            }
        }
        return node;
    }

    /**
     * The string {@code member} of {@code object}, or null when it is absent or null.
     *
     * @param meaning what the string is, for the message about a value of another type: "the Cypher text to run"
     * @throws InvalidParameterException when the member is a number, a boolean, an array or an object
     */
    static String optionalString(JsonNode object, String member, String meaning) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidParameterException(member, "must be a string (" + meaning + "), got " + kind(value));
        }
        return value.asString();
    }

    /**
     * Jackson's words for what it found, in parentheses, without its location and its settings' names, at most 200
     * characters.
     */
    private static String reason(JacksonException e) {
        String message = JsonReadMessages.withoutParserSettings(e.getOriginalMessage());
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return " (" + (line.length() <= 200 ? line : line.substring(0, 197) + "...") + ")";
    }

    /** What a JSON value is, for a message: "a number", "an array", ... */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL -> "null";
            case BINARY -> "binary data";
            case MISSING -> "nothing";
        };
    }
}
