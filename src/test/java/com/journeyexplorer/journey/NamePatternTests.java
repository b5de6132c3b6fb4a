package com.journeyexplorer.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class NamePatternTests {

    /** Names as clickstreams and journey exports write them, and one of 500 characters, the longest touchpoint name. */
    private static final List<String> NAMES = List.of("/product/123", "/product/123/reviews?page=2",
            "https://shop.example/checkout/thanks?order=A-1001#top", "Add to cart", "Newsletter", "ad-search",
            "/account/invoice/5d0f1d84-8c1c-4a8e-9d2e-3a5b9c7e2f10", "", "é-à/ü?x=1", "a-".repeat(250),
            "/" + "x".repeat(499));

    /** Rules as users write them: ids to placeholders, query strings cut, case-insensitive groups, whole names. */
    private static final List<String> REGEXES = List.of("/product/(\\d+)", "\\?.*$", "[?#].*", "(?i)CART|checkout",
            "/invoice/[0-9a-f-]{36}$", "^https?://([^/]+)(/.*)?$", "(.*)-(.*)", "ad-.*", ".*x", "(\\w+)/(\\w+)", "a*");

    /** A catastrophic expression (a+ repeated 2 to 40 times; exponential in Java 17) and a name that triggers it. */
    private static final String CATASTROPHIC = "(a+){2,40}b";
    private static final String VICTIM = "a".repeat(35) + "!";

    @Test
    void matchesAndReplacesAsAPlainMatcherDoes() {
        for (String regex : REGEXES) {
            Pattern plain = Pattern.compile(regex);
            NamePattern bounded = compiled("rewrite", regex);
            for (String name : NAMES) {
                String described = regex + " on " + name;
                assertThat(bounded.matches(name)).as(described).isEqualTo(plain.matcher(name).matches());
                String replacement = plain.matcher("").groupCount() >= 1 ? "<$1>" : "<>";
                assertThat(bounded.replaceAll(name, replacement)).as(described)
                        .isEqualTo(plain.matcher(name).replaceAll(replacement));
            }
        }
    }

    @Test
    void keepsTheExpressionAsGivenApartFromTheOneMatched() {
        NamePattern competitor = new NamePattern("competitor", "Rival.*", Pattern.compile("(?:Rival.*)|\\QRival.*\\E"),
                new PatternBudget());

        assertThat(competitor.matches("Rival.*")).isTrue();
        assertThat(competitor.matches("Rival deals")).isTrue();
        assertThat(competitor.expression()).isEqualTo("Rival.*");
        assertThat(competitor.regex()).isEqualTo("(?:Rival.*)|\\QRival.*\\E");
        assertThat(competitor.parameter()).isEqualTo("competitor");
    }

    @Test
    void stopsAnExpressionThatBacktracksWithoutEndNamingTheParameterTheExpressionAndTheName() {
        NamePattern group = compiled("group", CATASTROPHIC);

        // Plain matching of this pair runs for a quarter of an hour; the timeout only keeps a regression from hanging the suite.
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            assertThatThrownBy(() -> group.matches(VICTIM)).isInstanceOfSatisfying(
                    PatternBudgetExceededException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("group");
                        assertThat(e.expression()).isEqualTo(CATASTROPHIC);
                        assertThat(e.name()).isEqualTo(VICTIM);
                        assertThat(e.getMessage()).startsWith("'group' has the regular expression '" + CATASTROPHIC
                                + "', which was stopped after 5,000,000 steps matching the name '" + VICTIM + "'")
                                .contains("rewrite the expression");
                    });
            assertThatThrownBy(() -> compiled("rewrite", CATASTROPHIC).replaceAll(VICTIM, "x"))
                    .isInstanceOf(PatternBudgetExceededException.class)
                    .hasMessageStartingWith("'rewrite' has the regular expression");
            assertThatThrownBy(() -> compiled("rewrite", "(.*a){20}").replaceAll(VICTIM, "x"))
                    .as("polynomial of a high degree").isInstanceOf(PatternBudgetExceededException.class);
        });
    }

    @Test
    void quotesTheStartOfALongName() {
        String name = "a".repeat(400) + "!";

        PatternBudgetExceededException e = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> org.junit.jupiter.api.Assertions.assertThrows(PatternBudgetExceededException.class,
                        () -> compiled("competitor", CATASTROPHIC).matches(name)));

        assertThat(e.name()).hasSize(80).endsWith("a...");
        assertThat(e.getMessage()).contains("the name '" + "a".repeat(77) + "...'").doesNotContain("a".repeat(78));
    }

    /**
     * {@code (.*a){4}b} on a name of 64 a's and a tail reads it about 3,200,000 times, under the bound of one match:
     * on a hundred names, plain matching does 64 times that bound's work.
     */
    @Test
    void stopsARuleJustUnderTheBoundOfAMatchOnManyNamesOnceTheRequestsBudgetIsSpent() {
        String costly = "(.*a){4}b";
        List<String> names = IntStream.range(0, 100).mapToObj(i -> "a".repeat(64) + "!" + i).toList();
        assertThat(compiled("group", costly).matches(names.get(0))).as("one name, alone, within the bound").isFalse();
        NamePattern group = compiled("group", costly);

        PatternBudgetExceededException e = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> org.junit.jupiter.api.Assertions.assertThrows(PatternBudgetExceededException.class,
                        () -> names.forEach(group::matches)));

        assertThat(e.parameter()).isEqualTo("group");
        assertThat(e.expression()).isEqualTo(costly);
        assertThat(names).contains(e.name());
        assertThat(names.indexOf(e.name())).as("names matched before the budget was spent").isLessThan(3);
        assertThat(e.getMessage()).startsWith("'group' has the regular expression '" + costly + "', which was stopped "
                + "matching the name '" + e.name() + "': the regular expressions of this request had made more than "
                + "5,000,000 steps and 2,000 a character of the names they matched").contains("rewrite the expression");
    }

    @Test
    void sharesOneBudgetBetweenTheExpressionsOfARequest() {
        PatternBudget budget = new PatternBudget();
        NamePattern rewrite = NamePattern.compile("rewrite", "(.*a){3}b", budget);
        NamePattern competitor = NamePattern.compile("competitor", "(.*a){4}b", budget);
        String name = "a".repeat(64) + "!";

        // Each alone stays within the bound of a match (3,400,000 and 3,200,000 reads); together they do not.
        assertThat(rewrite.replaceAll(name, "x")).isEqualTo(name);
        assertThatThrownBy(() -> competitor.matches(name)).isInstanceOfSatisfying(PatternBudgetExceededException.class,
                e -> assertThat(e.parameter()).isEqualTo("competitor"));
    }

    @Test
    void aPatternRememberingItsAnswersMatchesANameOnceHoweverOftenItIsAsked() {
        String name = "a".repeat(64) + "!";
        NamePattern remembering = NamePattern.compile("group", "(.*a){4}b", new PatternBudget()).rememberingAnswers();
        NamePattern plain = NamePattern.compile("group", "(.*a){4}b", new PatternBudget());

        // 3,200,000 reads a match: asked again, the remembering one answers without matching, the other spends the
        // budget on its second match.
        for (int i = 0; i < 3; i++) {
            assertThat(remembering.matches(name)).isFalse();
        }
        assertThat(remembering.matches("aaaab")).isTrue();
        assertThat(plain.matches(name)).isFalse();
        assertThatThrownBy(() -> plain.matches(name)).isInstanceOf(PatternBudgetExceededException.class);
    }

    /**
     * The costliest ordinary rule, {@code .*x} replaced in names of 500 characters without an x, reads each about
     * 380,000 times: on 200 names, 15 times the slack of a request, within its allowance of their characters.
     */
    @Test
    void letsOrdinaryRulesRunOnAsManyNamesAsTheyAreGiven() {
        PatternBudget budget = new PatternBudget();
        NamePattern scan = NamePattern.compile("rewrite", ".*x", budget);
        NamePattern cut = NamePattern.compile("rewrite", "[?#].*$", budget);
        NamePattern whole = NamePattern.compile("competitor", "/product/.*", budget);

        for (int i = 0; i < 200; i++) {
            String name = "/" + "p".repeat(495) + i;
            assertThat(scan.replaceAll(name, "-")).isEqualTo(name);
        }
        for (int i = 0; i < 200_000; i++) {
            String name = "/product/" + i + "?ref=rec";
            assertThat(cut.replaceAll(name, "")).isEqualTo("/product/" + i);
            assertThat(whole.matches(name)).isTrue();
        }
    }

    /** {@code regex} compiled with a budget of its own. */
    private static NamePattern compiled(String parameter, String regex) {
        return NamePattern.compile(parameter, regex, new PatternBudget());
    }
}
