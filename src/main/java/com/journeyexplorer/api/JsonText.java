package com.journeyexplorer.api;

/** Text fields of answers: absent data is null (left out of the JSON), never an empty string. */
final class JsonText {

    private JsonText() {
    }

    static String absentIfEmpty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
