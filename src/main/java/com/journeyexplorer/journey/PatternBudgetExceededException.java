package com.journeyexplorer.journey;

import java.util.Locale;

/**
 * A user's regular expression stopped by {@link NamePattern} after {@code reads} reads of one name: it backtracks
 * without end. A bad parameter, answered as a 400 naming it, the expression and the name (a usage error of the
 * command-line import).
 */
public class PatternBudgetExceededException extends RuntimeException {

    /** Longest part of the expression or the name quoted in the message. */
    private static final int QUOTED = 80;

    private final String parameter;
    private final String expression;
    private final String name;
    private final long reads;

    public PatternBudgetExceededException(String parameter, String expression, String name, long reads) {
        super(null, null, false, false);
        this.parameter = parameter;
        this.expression = expression;
        this.name = name;
        this.reads = reads;
    }

    @Override
    public String getMessage() {
        return "'" + parameter + "' " + reason();
    }

    /** What went wrong and what to do, after the parameter's name. */
    public String reason() {
        return "has the regular expression '" + quoted(expression) + "', which was stopped after "
                + String.format(Locale.ROOT, "%,d", reads)
                + " steps matching the name '" + name() + "': nested quantifiers such as (a+)+ or (a+){2,40} "
                + "backtrack without end on a long name; rewrite the expression";
    }

    /** The parameter that gave the expression: {@code rewrite}, {@code competitor}, {@code group}. */
    public String parameter() {
        return parameter;
    }

    /** The expression as the user wrote it. */
    public String expression() {
        return expression;
    }

    /** The name it was matching, its first 77 characters and "..." when it is longer than 80. */
    public String name() {
        return quoted(name);
    }

    private static String quoted(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED - 3) + "...";
    }
}
