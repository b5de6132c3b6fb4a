package com.journeyexplorer.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

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
            NamePattern bounded = NamePattern.compile("rewrite", regex);
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
        NamePattern competitor = new NamePattern("competitor", "Rival.*", Pattern.compile("(?:Rival.*)|\\QRival.*\\E"));

        assertThat(competitor.matches("Rival.*")).isTrue();
        assertThat(competitor.matches("Rival deals")).isTrue();
        assertThat(competitor.expression()).isEqualTo("Rival.*");
        assertThat(competitor.regex()).isEqualTo("(?:Rival.*)|\\QRival.*\\E");
        assertThat(competitor.parameter()).isEqualTo("competitor");
    }

    @Test
    void stopsAnExpressionThatBacktracksWithoutEndNamingTheParameterTheExpressionAndTheName() {
        NamePattern group = NamePattern.compile("group", CATASTROPHIC);

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
            assertThatThrownBy(() -> NamePattern.compile("rewrite", CATASTROPHIC).replaceAll(VICTIM, "x"))
                    .isInstanceOf(PatternBudgetExceededException.class)
                    .hasMessageStartingWith("'rewrite' has the regular expression");
            assertThatThrownBy(() -> NamePattern.compile("rewrite", "(.*a){20}").replaceAll(VICTIM, "x"))
                    .as("polynomial of a high degree").isInstanceOf(PatternBudgetExceededException.class);
        });
    }

    @Test
    void quotesTheStartOfALongName() {
        String name = "a".repeat(400) + "!";

        PatternBudgetExceededException e = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> org.junit.jupiter.api.Assertions.assertThrows(PatternBudgetExceededException.class,
                        () -> NamePattern.compile("competitor", CATASTROPHIC).matches(name)));

        assertThat(e.name()).hasSize(80).endsWith("a...");
        assertThat(e.getMessage()).contains("the name '" + "a".repeat(77) + "...'").doesNotContain("a".repeat(78));
    }
}
