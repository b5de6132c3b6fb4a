package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.ingest.ImportParameters;
import com.journeyexplorer.ingest.Redefinitions;
import com.journeyexplorer.ingest.TouchpointCleaning;
import com.journeyexplorer.journey.NamePattern;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.PatternBudget;
import com.journeyexplorer.journey.Touchpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/outcomes?purchase=...&competitor=...}: new outcome rules for every stored journey, without importing
 * again. Names must be stored touchpoints (a typo is a 400 naming it, not zero purchases). With {@code urls} and
 * {@code rewrite}, as on import ({@link TouchpointCleaning}), a name also names the stored touchpoint it cleans to, so
 * that a page's address copied from the file names the page a cleaned import stored. Every regular expression of the
 * request shares one {@link PatternBudget}. The rules are parameters: of the query, or of a form body
 * ({@code application/x-www-form-urlencoded}); a body of another type is a 415 naming the form's.
 */
@RestController
@RequestMapping("/api/outcomes")
class OutcomesController {

    private final Redefinitions redefinitions;
    private final JourneyProjection projection;

    OutcomesController(Redefinitions redefinitions, JourneyProjection projection) {
        this.redefinitions = redefinitions;
        this.projection = projection;
    }

    record OutcomesAnswer(String importId, List<String> purchase, long purchaseEvents, String competitor,
            long competitors, long journeysChanged, Map<Outcome, Long> outcomesBefore,
            Map<Outcome, Long> outcomesAfter) {
    }

    @PostMapping
    @Operation(summary = "New outcome rules for every stored journey", description = "Applies `purchase` and "
            + "`competitor` to every stored journey without importing again; give either or both (a parameter left "
            + "out keeps what is stored, an empty value means none). Names are stored touchpoints (a list as every "
            + "list parameter takes it); a name that is none is a 400 naming it. The rules are query parameters or "
            + "a form body (`application/x-www-form-urlencoded`). Journaled: `DELETE /api/imports/{importId}` "
            + "undoes it.")
    @Parameter(name = "purchase", in = ParameterIn.QUERY, description = "The touchpoints whose events are purchases, "
            + "replacing however purchases were defined before (a stored name, a comma list with CSV quoting, or "
            + "the parameter repeated)", array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "competitor", in = ParameterIn.QUERY, description = "The competitors' touchpoints, or a "
            + "regular expression; every other touchpoint becomes own (repeated: each value one name or expression)",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "urls", in = ParameterIn.QUERY, description = "Clean the rules' names as the import did, so "
            + "that a page's address names the stored page it cleans to",
            schema = @Schema(type = "string", allowableValues = {"keep", "path", "host-path"}, defaultValue = "keep"))
    @Parameter(name = "rewrite", in = ParameterIn.QUERY, description = "`<regular expression> -> <replacement>`, "
            + "applied to the rules' names in the order given, as on import", array = @ArraySchema(schema = @Schema(
            type = "string")))
    OutcomesAnswer redefine(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        requireFormOrNoBody(request);
        KnownParameters.require(request, Set.of("purchase", "competitor", "urls", "rewrite"), null);
        String[] purchaseValues = request.getParameterValues("purchase");
        String[] competitorValues = request.getParameterValues("competitor");
        if (purchaseValues == null && competitorValues == null) {
            throw new InvalidParameterException("purchase", "or 'competitor' is required: 'purchase' names the "
                    + "touchpoints whose events are purchases, 'competitor' the competitor touchpoints (or is a "
                    + "regular expression); give either or both, an empty value means none");
        }
        PatternBudget budget = new PatternBudget();
        String[] rules = request.getParameterValues("rewrite");
        // The raw values: a rule with a comma is one rule, as on import.
        TouchpointCleaning cleaning = TouchpointCleaning.of(request.getParameter("urls"),
                rules == null ? null : List.of(rules), budget);
        JourneySnapshot snapshot = projection.current();
        Set<String> purchases = purchaseValues == null ? null
                : names("purchase", purchaseValues, snapshot, cleaning);
        Predicate<String> competitor = null;
        String competitorRule = null;
        if (competitorValues != null) {
            competitorRule = String.join(",", competitorValues);
            competitor = competitorRule(competitorValues, snapshot, cleaning, budget);
        }
        Redefinitions.Result result = redefinitions.redefineOutcomes(purchases, competitor);
        return new OutcomesAnswer(result.importId(), purchases == null ? null : List.copyOf(purchases),
                result.purchaseEvents(), competitorRule, result.competitors(), result.journeysChanged(),
                result.outcomesBefore(), result.outcomesAfter());
    }

    /**
     * Refuses a body that is not a form, whose content would be ignored: a 415 naming the form's media type. A request
     * without a body (no length, or 0, and not chunked) needs no content type, as Spring's {@code consumes} has it.
     */
    private static void requireFormOrNoBody(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean body = StringUtils.hasText(request.getHeader(HttpHeaders.TRANSFER_ENCODING))
                || (StringUtils.hasText(length) && !length.strip().equals("0"));
        if (!body) {
            return;
        }
        List<MediaType> form = List.of(MediaType.APPLICATION_FORM_URLENCODED);
        MediaType type;
        try {
            type = StringUtils.hasText(request.getContentType()) ? MediaType.parseMediaType(request.getContentType())
                    : MediaType.APPLICATION_OCTET_STREAM;
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage(), form);
        }
        if (!MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
            throw new HttpMediaTypeNotSupportedException(type, form, HttpMethod.POST);
        }
    }

    /**
     * The stored touchpoints that names name, as every list parameter takes them ({@link JourneyQuery#list}): a value
     * that is a stored name as a whole is that name (so names with commas work), a repeated parameter has one name per
     * value, a single value is otherwise a comma list with CSV quoting. A name names the stored touchpoint of its name
     * and the one of the name {@code cleaning} makes of it, as an import's rule does; it must name one of them.
     */
    static Set<String> names(String parameter, String[] values, JourneySnapshot snapshot,
            TouchpointCleaning cleaning) {
        MultiValueMap<String, String> given = new LinkedMultiValueMap<>();
        given.put(parameter, List.of(values));
        Set<String> names = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : JourneyQuery.list(given, parameter, JourneyQuery.touchpointNames(snapshot))) {
            boolean stored = snapshot.touchpoint(name).isPresent();
            if (stored) {
                names.add(name);
            }
            String cleaned = cleaning.isNone() ? name : cleaning.apply(name);
            if (!cleaned.equals(name) && snapshot.touchpoint(cleaned).isPresent()) {
                names.add(cleaned);
            } else if (!stored) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String name = unknown.get(0);
            String hint = snapshot.touchpoints().stream().map(Touchpoint::name)
                    .filter(stored -> stored.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst().map(stored -> " (names are case-sensitive: did you mean '" + stored + "'?)")
                    .orElse("");
            throw new InvalidParameterException(parameter, "names no stored touchpoint: '" + String.join("', '",
                    unknown) + "'" + hint);
        }
        return names;
    }

    private static Predicate<String> competitorRule(String[] values, JourneySnapshot snapshot,
            TouchpointCleaning cleaning, PatternBudget budget) {
        if (values.length == 1 && snapshot.touchpoint(values[0].strip()).isEmpty()
                && ImportParameters.isRegex(values[0])) {
            NamePattern pattern = ImportParameters.competitorRule(List.of(values[0]), cleaning, budget);
            if (snapshot.touchpoints().stream().noneMatch(t -> pattern.matches(t.name()))) {
                throw new InvalidParameterException("competitor", "the regular expression '" + values[0]
                        + "' matches no stored touchpoint");
            }
            return pattern::matches;
        }
        Set<String> names = names("competitor", values, snapshot, cleaning);
        return names::contains;
    }
}
