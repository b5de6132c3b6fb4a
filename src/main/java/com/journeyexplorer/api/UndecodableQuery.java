package com.journeyexplorer.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Which parameter of a query string Tomcat could not decode: Tomcat refuses the whole query without saying where, and a
 * long query (a filter over many touchpoints) leaves the client to guess. Decoded here as Tomcat decodes it, strictly.
 */
final class UndecodableQuery {

    private UndecodableQuery() {
    }

    /**
     * The name of the first parameter of {@code query} whose value is not percent-encoded UTF-8, or null when there
     * is none or the name itself cannot be decoded.
     */
    static String parameter(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            if (name == null) {
                return null;
            }
            if (equals >= 0 && decoded(pair.substring(equals + 1)) == null) {
                return name;
            }
        }
        return null;
    }

    /** Whether every name and value of {@code query} (none when null) is percent-encoded UTF-8. */
    static boolean decodes(String query) {
        if (query == null) {
            return true;
        }
        for (String pair : query.split("&")) {
            for (String part : pair.split("=", 2)) {
                if (decoded(part) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code text} percent-decoded ({@code +} a space) as UTF-8, or null when it is not valid. */
    private static String decoded(String text) {
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !HexFormat.isHexDigit(text.charAt(i + 1))
                        || !HexFormat.isHexDigit(text.charAt(i + 2))) {
                    return null;
                }
                bytes.put((byte) HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else {
                bytes.put((c == '+' ? " " : String.valueOf(c)).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip()).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
