package com.journeyexplorer.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The import's messages in the command line's words. An upload is read, checked and reported by the same code over
 * HTTP and from the command line, and its messages name the HTTP query parameters ("use onError=skip to import the
 * valid rows", "query parameters such as journeyColumn"); the command line has options of the same names, written
 * {@code --onError=skip}. A name is taken for an option where it stands as a word after a space or a parenthesis
 * (not in a quoted value, nor in an address such as {@code /api/outcomes?competitor=}): followed by {@code =}, or
 * alone when it is a name no English word has ({@code journeyColumn}, {@code timestampFormat}).
 */
final class OptionWording {

    private static final Pattern OPTION = Pattern.compile("(?<![^\\s(])(?:(" + alternatives(false) + ")(?==)|("
            + alternatives(true) + ")\\b)");
    private static final Pattern PARAMETER = Pattern.compile("\\bquery parameter(s?)\\b|\\brepeat the parameter\\b");

    private OptionWording() {
    }

    /** {@code message} with the options of the import named as the command line writes them. */
    static String of(String message) {
        if (message == null) {
            return null;
        }
        Matcher parameter = PARAMETER.matcher(message);
        String options = parameter.replaceAll(match -> match.group().startsWith("repeat") ? "repeat the option"
                : "option" + match.group(1));
        return OPTION.matcher(options).replaceAll("--$1$2");
    }

    /** The options of the import as alternatives of a pattern: all of them, or those in camel case only. */
    private static String alternatives(boolean camelCaseOnly) {
        return String.join("|", ImportCommand.OPTIONS.stream()
                .filter(name -> !camelCaseOnly || !name.equals(name.toLowerCase(Locale.ROOT)))
                .map(Pattern::quote).toList());
    }
}
