package com.journeyexplorer.cli;

import java.io.PrintStream;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The output of {@code import --report=json}: the import's report, or the problem of a refused import, as one JSON
 * document on standard output, written as the HTTP API writes it: by the app's own JSON mapper (its
 * {@code spring.jackson.*} settings), a problem's members at the top level as Spring MVC writes a
 * {@link ProblemDetail}.
 */
final class JsonReport {

    private final JsonMapper json;

    /** @param app the app's JSON mapper, the one its HTTP answers are written with */
    JsonReport(JsonMapper app) {
        this.json = app.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    }

    /**
     * Before the app's settings are read (an option refused before the database starts): such a problem holds text
     * and numbers only, which any mapper writes alike.
     */
    static JsonReport beforeTheApp() {
        return new JsonReport(JsonMapper.builder().changeDefaultPropertyInclusion(inclusion -> inclusion
                .withValueInclusion(JsonInclude.Include.NON_NULL)).build());
    }

    /**
     * Prints {@code value} as one JSON document on its own line, its member {@code name} written as {@code member}
     * instead, in its place.
     */
    void print(PrintStream out, Object value, String name, Object member) {
        ObjectNode tree = json.valueToTree(value);
        tree.set(name, json.valueToTree(member));
        print(out, tree);
    }

    /** Prints {@code value} as one JSON document on its own line. */
    void print(PrintStream out, Object value) {
        out.println(json.writeValueAsString(value));
        out.flush();
    }
}
