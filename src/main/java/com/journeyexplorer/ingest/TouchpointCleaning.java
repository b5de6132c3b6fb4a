package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.journeyexplorer.journey.NamePattern;
import com.journeyexplorer.journey.PatternBudget;

/**
 * How an upload cleans its touchpoint names before they name touchpoints: page addresses cut to their page
 * ({@code urls}), then rewrite rules ({@code rewrite}) in the order given, as PostHog's path cleaning rules do. A
 * clickstream that names pages by their full address has a touchpoint per query string and product id; cleaned, it
 * has one per page. Immutable; the cost per row is that of {@link #pageOf} (a scan of the name, no regular
 * expression) and, with rewrite rules, one regular-expression replacement per rule, which {@link CleanedNames}
 * computes once per distinct name; each replacement's work is bounded by {@link NamePattern}, and their sum by the
 * request's {@link PatternBudget}.
 *
 * @param urls     what a page address keeps
 * @param rewrites the rewrite rules, in order
 */
public record TouchpointCleaning(Urls urls, List<Rewrite> rewrites) {

    /** No cleaning: names are taken as written. */
    public static final TouchpointCleaning NONE = new TouchpointCleaning(Urls.KEEP, List.of());

    /** At most this many rewrite rules, so that a request cannot make every row's cost large. */
    static final int MAX_REWRITES = 100;

    /** What a page address keeps of itself under {@code urls}. */
    public enum Urls {
        /** The name as written (no {@code urls}). */
        KEEP,
        /** {@code urls=path}: the path alone, {@code /product/123}, as GA4's page path and PostHog's pathname. */
        PATH,
        /** {@code urls=host-path}: the host and path, {@code shop.example/product/123}, keeping sites apart. */
        HOST_PATH
    }

    /**
     * A rewrite rule: every match of {@code pattern} in the name is replaced by {@code replacement} ({@code $1} names
     * a group), as {@link java.util.regex.Matcher#replaceAll(String)} does, with its work bounded.
     */
    public record Rewrite(NamePattern pattern, String replacement) {
    }

    public TouchpointCleaning {
        rewrites = List.copyOf(rewrites);
    }

    /**
     * The cleaning the parameters {@code urls} ({@code path}, {@code host-path}, or null) and {@code rewrite} (each
     * value {@code <regular expression> -> <replacement>}, or null) name, the rules' work charged to {@code budget}.
     *
     * @throws InvalidImportOptionException naming the parameter and why, for a value that is not one
     */
    public static TouchpointCleaning of(String urls, List<String> rewrite, PatternBudget budget) {
        Urls form = urls(urls);
        List<Rewrite> rules = new ArrayList<>();
        if (rewrite != null) {
            if (rewrite.size() > MAX_REWRITES) {
                throw new InvalidImportOptionException("rewrite", "is given " + rewrite.size() + " times; at most "
                        + MAX_REWRITES + " rules are applied to each name");
            }
            for (String value : rewrite) {
                rules.add(rewrite(value, budget));
            }
        }
        return form == Urls.KEEP && rules.isEmpty() ? NONE : new TouchpointCleaning(form, rules);
    }

    private static Urls urls(String value) {
        if (value == null || value.isBlank()) {
            return Urls.KEEP;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "path" -> Urls.PATH;
            case "host-path" -> Urls.HOST_PATH;
            case "keep" -> Urls.KEEP;
            default -> throw new InvalidImportOptionException("urls", "must be path (an address keeps its path: "
                    + "/product/123), host-path (its host and path: shop.example/product/123) or keep, was '"
                    + value + "'");
        };
    }

    /** A rule written {@code <regular expression> -> <replacement>}, checked as a whole before any row is read. */
    private static Rewrite rewrite(String value, PatternBudget budget) {
        int arrow = value.indexOf("->");
        if (arrow < 0) {
            throw new InvalidImportOptionException("rewrite", "must be <regular expression> -> <replacement> "
                    + "(URL-encoded, '->' is -%3E), was '" + TimestampParser.abbreviate(value) + "'");
        }
        String regex = value.substring(0, arrow).strip();
        String replacement = value.substring(arrow + 2).strip();
        if (regex.isEmpty()) {
            throw new InvalidImportOptionException("rewrite", "has no regular expression before '->' in '"
                    + TimestampParser.abbreviate(value) + "'");
        }
        NamePattern pattern;
        try {
            pattern = NamePattern.compile("rewrite", regex, budget);
        } catch (PatternSyntaxException e) {
            throw new InvalidImportOptionException("rewrite", "has '" + TimestampParser.abbreviate(regex) + "', which "
                    + "is not a valid regular expression: " + e.getDescription() + (e.getIndex() >= 0 ? " near index "
                            + e.getIndex() : ""));
        }
        // An alternative that matches the empty text makes the replacement be read: a group it names that the
        // expression lacks ($2 of one group), or a '\' or '$' with nothing after it, fails here, not on a row.
        Pattern orEmpty;
        try {
            orEmpty = Pattern.compile("(?:" + regex + ")|");
        } catch (PatternSyntaxException e) {
            // An expression that quotes (\Q) to its end: its replacement is read on the rows.
            return new Rewrite(pattern, replacement);
        }
        try {
            orEmpty.matcher("").replaceFirst(replacement);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidImportOptionException("rewrite", "has a replacement '"
                    + TimestampParser.abbreviate(replacement) + "' that cannot be made: " + e.getMessage()
                    + " ($1 is the first group of the expression, \\$ a dollar sign)");
        }
        return new Rewrite(pattern, replacement);
    }

    public boolean isNone() {
        return urls == Urls.KEEP && rewrites.isEmpty();
    }

    /** {@code name} cleaned: its page ({@link #pageOf}), then rewritten by each rule in turn. */
    public String apply(String name) {
        return rewritten(pageOf(name));
    }

    /**
     * {@code name} rewritten by each rule in turn. O(rules × name length) for ordinary expressions.
     *
     * @throws com.journeyexplorer.journey.PatternBudgetExceededException for a rule that backtracks without end
     */
    String rewritten(String name) {
        String rewritten = name;
        for (Rewrite rule : rewrites) {
            rewritten = rule.pattern().replaceAll(rewritten, rule.replacement());
        }
        return rewritten;
    }

    /**
     * The page an address names under {@link #urls}: an {@code http} or {@code https} address loses its scheme, user,
     * default port, query string and fragment, its host is lower-cased, and its path loses a trailing slash unless it
     * is the root ({@code HTTPS://Shop.example:443/product/123/?utm_source=ig#reviews} is
     * {@code shop.example/product/123}, or {@code /product/123} with {@link Urls#PATH}); a path alone
     * ({@code /cart?step=2}) loses its query string, fragment and trailing slash. Any other name is returned as it
     * is. O(name length).
     */
    String pageOf(String name) {
        if (urls == Urls.KEEP) {
            return name;
        }
        int hostStart = hostStart(name);
        if (hostStart < 0) {
            return name.startsWith("/") && !name.startsWith("//") ? path(name, 0) : name;
        }
        int hostEnd = hostEnd(name, hostStart);
        String path = path(name, hostEnd);
        return urls == Urls.PATH ? path : host(name, hostStart, hostEnd) + path;
    }

    /** Where the host of an {@code http} or {@code https} address begins (after {@code //}), else -1. */
    static int hostStart(String name) {
        if (name.regionMatches(true, 0, "http://", 0, 7)) {
            return 7;
        }
        return name.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
    }

    /** Where the authority that begins at {@code start} ends: at the path, query string or fragment. */
    static int hostEnd(String name, int start) {
        int end = start;
        while (end < name.length() && "/?#".indexOf(name.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    /** The host of the authority from {@code start} to {@code end}, lower-cased, without user or default port. */
    static String host(String name, int start, int end) {
        int at = name.lastIndexOf('@', end - 1);
        int from = at >= start ? at + 1 : start;
        String host = name.substring(from, end).toLowerCase(Locale.ROOT);
        boolean https = start == 8;
        if (host.endsWith(https ? ":443" : ":80")) {
            host = host.substring(0, host.length() - (https ? 4 : 3));
        }
        return host;
    }

    /** The path that begins at {@code start}, without query string, fragment or trailing slash; {@code /} if none. */
    private static String path(String name, int start) {
        int end = start;
        while (end < name.length() && name.charAt(end) != '?' && name.charAt(end) != '#') {
            end++;
        }
        while (end - start > 1 && name.charAt(end - 1) == '/') {
            end--;
        }
        return end == start ? "/" : name.substring(start, end);
    }
}
