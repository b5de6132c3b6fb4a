package com.journeyexplorer.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.journeyexplorer.demo.Clickstream;
import com.journeyexplorer.journey.NamePattern;
import com.journeyexplorer.journey.PatternBudget;

/**
 * What bounding the work of a user's regular expression ({@link NamePattern}) costs on ordinary rules: the clickstream's
 * page names (30 % with a query string or fragment, as web exports write them) rewritten and matched by typical rules,
 * with a plain {@link java.util.regex.Matcher} and through {@link NamePattern}, alternating, in one JVM; the median of
 * the rounds per name and rule, and their ratio.
 * <pre>{@code
 * bench/run-java.sh com.journeyexplorer.bench.RegexBoundBenchmark [journeys, default 30000] [rounds, default 15]
 * }</pre>
 */
public final class RegexBoundBenchmark {

    /** Rewrite rules as the README's examples write them: ids to placeholders, query strings and fragments cut. */
    private static final List<String[]> REWRITES = List.of(new String[] {"/product/\\d+", "/product/:id"},
            new String[] {"[?#].*$", ""}, new String[] {"^(/[^/]+)/.*", "$1"},
            new String[] {"(?i)/checkout/thanks.*", "/checkout/thanks"});

    /** Whole-name expressions as the competitor rule and analysis groups write them. */
    private static final List<String> WHOLE_NAMES = List.of("/product/.*", ".*(deals|rival).*", "/(cart|checkout)/?.*");

    private RegexBoundBenchmark() {
    }

    public static void main(String[] args) {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<String> names = names(journeys);
        System.out.printf(Locale.ROOT, "%,d names (one per row) of %,d clickstream journeys, %d rounds%n",
                names.size(), journeys, rounds);
        List<Pattern> plain = new ArrayList<>();
        List<NamePattern> bounded = new ArrayList<>();
        // One budget for every rule, as an import's: its allowance grows with the names matched.
        PatternBudget budget = new PatternBudget();
        for (String[] rule : REWRITES) {
            plain.add(Pattern.compile(rule[0]));
            bounded.add(NamePattern.compile("rewrite", rule[0], budget));
        }
        List<Pattern> plainWhole = WHOLE_NAMES.stream().map(Pattern::compile).toList();
        List<NamePattern> boundedWhole = WHOLE_NAMES.stream().map(r -> NamePattern.compile("group", r, budget))
                .toList();
        double[][] rewrite = new double[2][rounds];
        double[][] whole = new double[2][rounds];
        long check = 0;
        for (int round = -3; round < rounds; round++) {
            // The first three rounds warm the compiler up and are not counted; the order alternates.
            for (int side : round % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
                long started = System.nanoTime();
                for (String name : names) {
                    for (int i = 0; i < REWRITES.size(); i++) {
                        String replacement = REWRITES.get(i)[1];
                        check += (side == 0 ? plain.get(i).matcher(name).replaceAll(replacement)
                                : bounded.get(i).replaceAll(name, replacement)).length();
                    }
                }
                long rewritten = System.nanoTime();
                for (String name : names) {
                    for (int i = 0; i < WHOLE_NAMES.size(); i++) {
                        check += (side == 0 ? plainWhole.get(i).matcher(name).matches()
                                : boundedWhole.get(i).matches(name)) ? 1 : 0;
                    }
                }
                long matched = System.nanoTime();
                if (round >= 0) {
                    rewrite[side][round] = (rewritten - started) / (double) names.size() / REWRITES.size();
                    whole[side][round] = (matched - rewritten) / (double) names.size() / WHOLE_NAMES.size();
                }
            }
        }
        report("replaceAll (rewrite)", rewrite);
        report("matches (competitor, group)", whole);
        System.out.println("(checksum " + check + ")");
    }

    private static void report(String what, double[][] nanos) {
        double plain = median(nanos[0]);
        double bounded = median(nanos[1]);
        System.out.printf(Locale.ROOT, "%-28s plain %.0f ns, bounded %.0f ns per name and rule, ratio %.2f%n", what,
                plain, bounded, bounded / plain);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The touchpoint of each row, 30 % of them with a query string or fragment. */
    private static List<String> names(int journeys) {
        List<String> names = new ArrayList<>();
        String[] tails = {"?ref=rec", "#reviews", "?sort=price", "?variant=3", "?utm_source=ig&gclid=Cj0KCQiA1"};
        int[] row = {0};
        new Clickstream(42, Clickstream.DEFAULT_TOUCHPOINTS).generate(journeys, event -> {
            int n = row[0]++;
            names.add(n % 10 < 3 ? event.touchpoint() + tails[n % tails.length] : event.touchpoint());
        });
        return names;
    }
}
