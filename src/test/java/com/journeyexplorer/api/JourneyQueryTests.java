package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.journey.Outcome;

/** The query string every analysis endpoint reads: filters, shaping, and one 400 naming each bad parameter. */
class JourneyQueryTests {

    /** No stored names: a list value with a comma is a comma list. */
    private static final JourneySnapshot NO_DATA = JourneySnapshot.empty();

    private static MultiValueMap<String, String> query(String... namesAndValues) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    private static JourneyQuery read(String... namesAndValues) {
        return JourneyQuery.of(query(namesAndValues), Set.of("k"));
    }

    private static void assertRejects(String parameter, String... namesAndValues) {
        assertThatThrownBy(() -> read(namesAndValues)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    @Test
    void readsNoParametersAsEveryFinishedJourneyOnTouchpoints() {
        JourneyQuery query = read();
        JourneySelection selection = query.selection();
        assertThat(selection.from()).isNull();
        assertThat(selection.to()).isNull();
        assertThat(selection.outcome()).isNull();
        assertThat(selection.includeOpen()).isFalse();
        assertThat(selection.attributes()).isEmpty();
        assertThat(query.shaping().level()).isEqualTo(PathShaping.Level.TOUCHPOINT);
        assertThat(query.shaping().groups()).isEmpty();
    }

    @Test
    void readsEveryFilter() {
        JourneySelection selection = read("segment", "deal seeker", "channel", "social", "device", "mobile",
                "outcome", "purchase", "attr.plan", "gold", "event.resource", "112", "contains", "Cart,Checkout",
                "excludes", "Help", "startsWith", "Home", "endsWith", "Order confirmation", "filterScope", "start",
                "includeOpen", "true", "k", "5").selection();
        assertThat(selection.segment()).isEqualTo("deal seeker");
        assertThat(selection.channel()).isEqualTo("social");
        assertThat(selection.device()).isEqualTo("mobile");
        assertThat(selection.outcome()).isEqualTo(Outcome.PURCHASE);
        assertThat(selection.attributes()).isEqualTo(Map.of("plan", "gold"));
        assertThat(selection.eventAttributes()).isEqualTo(Map.of("resource", "112"));
        assertThat(selection.contains()).containsExactly("Cart", "Checkout");
        assertThat(selection.excludes()).containsExactly("Help");
        assertThat(selection.startsWith()).containsExactly("Home");
        assertThat(selection.endsWith()).containsExactly("Order confirmation");
        assertThat(selection.filterScope()).isEqualTo(JourneySelection.FilterScope.START);
        assertThat(selection.includeOpen()).isTrue();
    }

    @Test
    void aDateToIncludesItsDayAndAnInstantToIsExclusiveInTheGivenZone() {
        JourneySelection utc = read("from", "2026-03-01", "to", "2026-03-31").selection();
        assertThat(Instant.ofEpochMilli(utc.from())).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(Instant.ofEpochMilli(utc.to())).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));

        JourneySelection paris = read("from", "2026-03-01", "to", "2026-03-31", "zone", "Europe/Paris").selection();
        assertThat(Instant.ofEpochMilli(paris.from())).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(Instant.ofEpochMilli(paris.to())).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));

        JourneySelection instant = read("to", "2026-03-01T10:00:00Z").selection();
        assertThat(Instant.ofEpochMilli(instant.to())).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void aFromLaterOnTheDayThatADateToIncludesIsARangeAndOneAtItsEndIsBackwards() {
        JourneySelection afternoon = read("from", "2026-03-01T12:00", "to", "2026-03-01").selection();
        assertThat(Instant.ofEpochMilli(afternoon.from())).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(Instant.ofEpochMilli(afternoon.to())).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(read("from", "2026-03-01T23:59:59Z", "to", "2026-03-01").selection().from()).isNotNull();

        assertRejects("from", "from", "2026-03-02T00:00", "to", "2026-03-01");
        assertRejects("from", "from", "2026-03-02T00:00:00+01:00", "to", "2026-03-01", "zone", "+01:00");
        assertRejects("from", "from", "2026-03-01T10:00:00Z", "to", "2026-03-01T09:59:59Z");
        assertThat(read("from", "2026-03-01T10:00:00Z", "to", "2026-03-01T10:00:00Z").selection().to())
                .as("an instant 'to' equal to 'from' is an empty range, as before").isNotNull();
    }

    @Test
    void readsShaping() {
        PathShaping shaping = read("level", "channel", "collapseRepeats", "true", "maxSteps", "12", "group",
                "Products:^Product \\d+$", "group", "Help:^Help .*").shaping();
        assertThat(shaping.level()).isEqualTo(PathShaping.Level.CHANNEL);
        assertThat(shaping.collapseRepeats()).isTrue();
        assertThat(shaping.maxSteps()).isEqualTo(12);
        assertThat(shaping.groups()).extracting(PathShaping.Group::name).containsExactly("Products", "Help");
        assertThat(shaping.groups().get(0).pattern().matches("Product 0042")).isTrue();
    }

    @Test
    void namesTheParameterOfEveryMistake() {
        assertRejects("segmnt", "segmnt", "x");
        assertRejects("from", "from", "2026-03-02", "to", "2026-03-01");
        assertRejects("from", "from", "yesterday");
        assertRejects("zone", "zone", "Mars/Olympus");
        assertRejects("outcome", "outcome", "bought");
        assertRejects("level", "level", "page");
        assertRejects("maxSteps", "maxSteps", "0");
        assertRejects("maxSteps", "maxSteps", String.valueOf(JourneyQuery.MAX_STEPS_LIMIT + 1));
        assertRejects("collapseRepeats", "collapseRepeats", "maybe");
        assertRejects("filterScope", "filterScope", "middle");
        assertRejects("event.", "event.", "112");
    }

    @Test
    void rejectsShapingWhereAnEndpointTakesNone() {
        EndpointParameters raw = EndpointParameters.of(QueryParameter.integer("k", 1, 10, 3, "k"))
                .refusingShaping(EndpointParameters.RAW_TOUCHPOINTS);
        assertThat(raw.readQuery(query("k", "5"), NO_DATA).shaping().level()).isEqualTo(PathShaping.Level.TOUCHPOINT);
        for (String shaping : JourneyQuery.SHAPING_PARAMETERS) {
            assertThatThrownBy(() -> raw.readQuery(query(shaping, "1"), NO_DATA))
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo(shaping))
                    .hasMessageContaining("does not apply here");
        }
        assertThat(raw.documented()).extracting(QueryParameter::name).contains("k", "from", "attr.<name>")
                .doesNotContainAnyElementsOf(JourneyQuery.SHAPING_PARAMETERS);
    }

    @Test
    void readsEachDeclaredParameterWithItsDefaultAndRejectsUnknownNames() {
        EndpointParameters endpoint = EndpointParameters.of(QueryParameter.integer("k", 1, 10, 3, "k"),
                QueryParameter.bool("fast", false, "fast"));
        assertThatThrownBy(() -> endpoint.readQuery(query("k", "11"), NO_DATA))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("k"));
        assertThatThrownBy(() -> endpoint.readQuery(query("kk", "1"), NO_DATA))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("kk"))
                .hasMessageContaining("known: ").hasMessageContaining("fast").hasMessageContaining("attr.<name>");
        assertThat(endpoint.documented()).extracting(QueryParameter::name).startsWith("k", "fast", "from")
                .contains("level", "group");
        assertThat(endpoint.documented().get(0).openApi().getSchema().getMaximum()).isEqualByComparingTo("10");
    }

    @Test
    void anEndpointParameterReplacesTheFilterOfTheSameName() {
        EndpointParameters endpoint = EndpointParameters.of(QueryParameter.text("outcome", "the target"));
        assertThat(endpoint.readQuery(query("outcome", "whatever"), NO_DATA).selection().outcome()).isNull();
        assertThat(endpoint.documented()).filteredOn(parameter -> parameter.name().equals("outcome"))
                .extracting(QueryParameter::description).containsExactly("the target");
    }
}
