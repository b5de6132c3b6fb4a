package com.journeyexplorer.journey;

import java.util.Locale;

/**
 * A user's regular expression stopped by {@link NamePattern} after {@code reads} reads of one name, or when the
 * request's matches had used up their {@link PatternBudget}: it backtracks without end, or costs too much on each
 * name. A bad parameter, answered as a 400 naming it, the expression and the name (a usage error of the command-line
 * import).
 */
public class PatternBudgetExceededException extends RuntimeException {

    /** Longest part of the expression or the name quoted in the message. */
    private static final int QUOTED = 80;

    private final String parameter;
    private final String expression;
    private final String name;
    /** The reads of the one name, or 0 when the request's budget was used up. */
    private final long reads;

    public PatternBudgetExceededException(String parameter, String expression, String name, long reads) {
        super(null, null, false, false);
        this.parameter = parameter;
        this.expression = expression;
        this.name = name;
        this.reads = reads;
    }

    /** The expression stopped matching {@code name} because its request's matches had used up their budget. */
    static PatternBudgetExceededException ofRequest(String parameter, String expression, String name) {
        return new PatternBudgetExceededException(parameter, expression, name, 0);
    }

    @Override
    public String getMessage() {
        return "'" + parameter + "' " + reason();
    }

    /** What went wrong and what to do, after the parameter's name, for an HTTP request. */
    public String reason() {
        return reason("request");
    }

    /**
     * What went wrong and what to do, after the parameter's name; {@code work} names what shared the budget:
     * {@code request} over HTTP, {@code import} on the command line and in an import job.
     */
    public String reason(String work) {
        if (reads == 0) {
            return "has the regular expression '" + quoted(expression) + "', which was stopped matching the name '"
                    + name() + "': the regular expressions of this " + work + " had made more than "
                    + String.format(Locale.ROOT, "%,d steps and %,d", PatternBudget.SLACK,
                            PatternBudget.READS_PER_CHARACTER)
                    + " a character of the names they matched; an expression that backtracks on each name, as "
                    + "(.*a){3}b or nested quantifiers such as (a+)+ do, costs that much; rewrite the expression";
        }
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
