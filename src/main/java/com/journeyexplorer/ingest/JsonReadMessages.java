package com.journeyexplorer.ingest;

import java.util.regex.Pattern;

/**
 * A JSON parser's message as the sender of a body can act on it. Jackson names its own settings in some messages
 * ({@code (500, from `StreamReadConstraints.getMaxNestingDepth()`)}, {@code enable `JsonReadFeature.ALLOW_...` to
 * allow}), which no request can change and which would put the server's internals in a problem; the rest of the
 * message says what is wrong and stays.
 */
public final class JsonReadMessages {

    private static final Pattern PARSER_SETTING = Pattern.compile(",? from `[^`]*`|:? enable `[^`]*` to allow"
            + "| \\(not recognized as one since Feature '[^']*' not enabled for parser\\)");

    private JsonReadMessages() {
    }

    /** {@code message} without the names of the parser's settings; null stays null. */
    public static String withoutParserSettings(String message) {
        return message == null ? null : PARSER_SETTING.matcher(message).replaceAll("");
    }
}
