package com.journeyexplorer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that reports bytes that are not UTF-8 where the reader reaches them. The JDK's
 * {@code InputStreamReader} decodes ahead in blocks and throws as soon as a block holds a bad byte, so an upload with
 * one Latin-1 byte on line 3,002 was refused at whatever line its reader stood on (the header, or line 2,617). Here a
 * read returns the text before the bad byte, and the read after it throws: the error names the line that holds it.
 */
final class Utf8Reader extends Reader {

    private final InputStream input;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean endOfInput;
    private boolean flushed;
    private CharacterCodingException pending;

    Utf8Reader(InputStream input) {
        this.input = input;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pending != null) {
            throw pending;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            int produced = out.position() - offset;
            if (result.isError()) {
                CharacterCodingException error = new java.nio.charset.MalformedInputException(result.length());
                if (produced > 0) {
                    pending = error;
                    return produced;
                }
                throw error;
            }
            if (result.isOverflow() || produced > 0 && !endOfInput) {
                return produced;
            }
            if (endOfInput) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                produced = out.position() - offset;
                return produced > 0 ? produced : -1;
            }
            bytes.compact();
            int read = input.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
