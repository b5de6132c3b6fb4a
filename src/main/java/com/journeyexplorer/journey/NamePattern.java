package com.journeyexplorer.journey;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression a user gave ({@code rewrite}, {@code competitor}, an analysis's {@code group}), matched against
 * names with a bound on its work. {@code java.util.regex} reads its input only through {@link CharSequence#charAt}, so
 * each match reads the name through a {@link CharSequence} that counts those reads and throws
 * {@link PatternBudgetExceededException} past {@value #MAX_READS}: an expression that backtracks without end
 * ({@code (a+){2,40}b}, {@code (.*a){20}} on a name of 40 characters runs for hours) stops after about 0.1 s instead
 * of holding an import's lease or an analysis thread. Matching goes through this class only; the compiled pattern is
 * not handed out. Immutable and thread-safe: each match counts its own reads.
 */
public final class NamePattern {

    /**
     * Reads of the name one match (or one {@link #replaceAll}) may make. An ordinary rule reads each character a few
     * times; an unanchored {@code .*} scan tried from every start of a 500-character name (the longest touchpoint name)
     * makes about 250,000 reads (n²). Twenty times that, about 0.1 s of matching, is past anything but backtracking.
     */
    public static final long MAX_READS = 5_000_000;

    private final String parameter;
    private final String expression;
    private final Pattern pattern;

    /**
     * @param parameter  the parameter that gave it ({@code rewrite}, {@code competitor}, {@code group}), for the error
     * @param expression the rule as the user wrote it, for the error
     * @param pattern    the expression compiled, perhaps with more around it (the competitor rule's own text)
     */
    public NamePattern(String parameter, String expression, Pattern pattern) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.expression = Objects.requireNonNull(expression, "expression");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * {@code expression} compiled as it is.
     *
     * @throws PatternSyntaxException when it is not a regular expression
     */
    public static NamePattern compile(String parameter, String expression) {
        return new NamePattern(parameter, expression, Pattern.compile(expression));
    }

    /** Whether the whole of {@code name} matches, as {@link java.util.regex.Matcher#matches()}. */
    public boolean matches(String name) {
        return pattern.matcher(new CountedReads(name)).matches();
    }

    /**
     * {@code name} with every match replaced by {@code replacement} ({@code $1} names a group), as
     * {@link java.util.regex.Matcher#replaceAll(String)}; one budget for all the matches of the name.
     */
    public String replaceAll(String name, String replacement) {
        return pattern.matcher(new CountedReads(name)).replaceAll(replacement);
    }

    /** The parameter that gave the expression. */
    public String parameter() {
        return parameter;
    }

    /** The rule as the user wrote it. */
    public String expression() {
        return expression;
    }

    /** The regular expression matched, as compiled ({@link Pattern#pattern()}). */
    public String regex() {
        return pattern.pattern();
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    /** A name read by one match: each read counts, and the read past the budget stops the match. */
    private final class CountedReads implements CharSequence {

        private final String name;
        private long left = MAX_READS;

        CountedReads(String name) {
            this.name = name;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw new PatternBudgetExceededException(parameter, expression, name, MAX_READS);
            }
            return name.charAt(index);
        }

        @Override
        public int length() {
            return name.length();
        }

        /** A group or the text between matches, read once to be copied: not backtracking, so not counted. */
        @Override
        public CharSequence subSequence(int start, int end) {
            return name.subSequence(start, end);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
