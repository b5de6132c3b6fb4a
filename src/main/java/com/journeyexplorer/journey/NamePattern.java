package com.journeyexplorer.journey;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression a user gave ({@code rewrite}, {@code competitor}, an analysis's {@code group}), matched against
 * names with a bound on its work. {@code java.util.regex} reads its input only through {@link CharSequence#charAt}, so
 * each match reads the name through a {@link CharSequence} that counts those reads and throws
 * {@link PatternBudgetExceededException} past {@value #MAX_READS}: an expression that backtracks without end
 * ({@code (a+){2,40}b}, {@code (.*a){20}} on a name of 40 characters runs for hours) stops after about 0.1 s instead
 * of holding an import's lease or an analysis thread. The matches of one request share a {@link PatternBudget}, which
 * bounds their sum: a rule that stays just under the bound on each of many names is stopped too. Matching goes through
 * this class only; the compiled pattern is not handed out. Thread-safe: each match counts its own reads and charges
 * them to the budget when it ends.
 */
public final class NamePattern {

    /**
     * Reads of the name one match (or one {@link #replaceAll}) may make. An ordinary rule reads each character a few
     * times; an unanchored {@code .*} scan tried from every start of a 500-character name (the longest touchpoint name)
     * makes about 250,000 reads (n²). Twenty times that, about 0.1 s of matching, is past anything but backtracking.
     */
    public static final long MAX_READS = 5_000_000;
    /** Names whose {@link #matches} answer a {@link #rememberingAnswers} pattern keeps, at most. */
    public static final int MAX_REMEMBERED = 100_000;

    private final String parameter;
    private final String expression;
    private final Pattern pattern;
    private final PatternBudget budget;
    /** The answers of {@link #matches} by name, or null when each match is made afresh. */
    private final Map<String, Boolean> answers;

    /**
     * @param parameter  the parameter that gave it ({@code rewrite}, {@code competitor}, {@code group}), for the error
     * @param expression the rule as the user wrote it, for the error
     * @param pattern    the expression compiled, perhaps with more around it (the competitor rule's own text)
     * @param budget     the work of the request that gave it, shared with its other expressions
     */
    public NamePattern(String parameter, String expression, Pattern pattern, PatternBudget budget) {
        this(parameter, expression, pattern, budget, null);
    }

    private NamePattern(String parameter, String expression, Pattern pattern, PatternBudget budget,
            Map<String, Boolean> answers) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.expression = Objects.requireNonNull(expression, "expression");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.answers = answers;
    }

    /**
     * {@code expression} compiled as it is, its matches charged to {@code budget}.
     *
     * @throws PatternSyntaxException when it is not a regular expression
     */
    public static NamePattern compile(String parameter, String expression, PatternBudget budget) {
        return new NamePattern(parameter, expression, Pattern.compile(expression), budget);
    }

    /**
     * This expression, charged to the same budget, keeping the answer of {@link #matches} for the first
     * {@value #MAX_REMEMBERED} names it is asked about: a name asked about again is not matched (nor charged) again.
     * For an analysis's {@code group}, which labels the same touchpoints several times in one request, and an
     * import's {@code competitor} rule, asked about the same touchpoint and page address on many rows; the answers
     * live as long as this object.
     */
    public NamePattern rememberingAnswers() {
        return new NamePattern(parameter, expression, pattern, budget, new ConcurrentHashMap<>());
    }

    /** Whether the whole of {@code name} matches, as {@link java.util.regex.Matcher#matches()}. */
    public boolean matches(String name) {
        if (answers == null) {
            return match(name);
        }
        Boolean known = answers.get(name);
        if (known != null) {
            return known;
        }
        // Threads asking about the same name at once may each match it: a few reads more, never a wrong answer.
        boolean matches = match(name);
        if (answers.size() < MAX_REMEMBERED) {
            answers.put(name, matches);
        }
        return matches;
    }

    private boolean match(String name) {
        CountedReads reads = new CountedReads(name);
        try {
            return pattern.matcher(reads).matches();
        } finally {
            budget.close(name.length(), reads.made());
        }
    }

    /**
     * {@code name} with every match replaced by {@code replacement} ({@code $1} names a group), as
     * {@link java.util.regex.Matcher#replaceAll(String)}; one bound for all the matches of the name.
     */
    public String replaceAll(String name, String replacement) {
        CountedReads reads = new CountedReads(name);
        try {
            return pattern.matcher(reads).replaceAll(replacement);
        } finally {
            budget.close(name.length(), reads.made());
        }
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

    /**
     * A name read by one match: each read counts, and the read past the match's bound ({@link #MAX_READS}, or less when
     * the request's budget has less left) stops the match.
     */
    private final class CountedReads implements CharSequence {

        private final String name;
        private final long allowed;
        private long left;

        CountedReads(String name) {
            this.name = name;
            this.allowed = budget.open(name.length());
            this.left = allowed;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw allowed == MAX_READS ? new PatternBudgetExceededException(parameter, expression, name, MAX_READS)
                        : PatternBudgetExceededException.ofRequest(parameter, expression, name);
            }
            return name.charAt(index);
        }

        /** The reads made: those allowed, when the match was stopped. */
        long made() {
            return Math.max(allowed, 0) - Math.max(left, 0);
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
