package com.journeyexplorer.export;

import java.io.Writer;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON writer of the JSON formats: compact, fields in declaration order, numbers {@link CleanNumbers cleaned}. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(CleanNumbers.module())
            .build();

    private Json() {
    }

    static void write(Object value, Writer writer) {
        MAPPER.writeValue(writer, value);
    }
}
