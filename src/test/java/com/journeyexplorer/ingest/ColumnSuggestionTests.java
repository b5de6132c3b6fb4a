package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The column mapping suggested for a header: parameters first, then the importer's defaults, then aliases. */
class ColumnSuggestionTests {

    static ImportParameters parameters(String journeyColumn, String touchpointColumn) {
        return new ImportParameters(journeyColumn, null, touchpointColumn, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aWebExportsEventNameBesideItsPageIsSuggestedAsTheEventColumnNotAsTheTouchpoint() {
        ColumnSuggestion ga4 = ColumnSuggestion.of(List.of("event_timestamp", "event_name", "user_pseudo_id",
                "ga_session_id", "page_location"), parameters(null, null), EventImporter.Format.CSV);
        ColumnSuggestion posthog = ColumnSuggestion.of(List.of("uuid", "event", "distinct_id", "timestamp",
                "$current_url"), parameters(null, "$current_url"), EventImporter.Format.CSV);
        ColumnSuggestion eventsAsPages = ColumnSuggestion.of(List.of("event_timestamp", "event_name",
                "user_pseudo_id", "ga_session_id"), parameters(null, null), EventImporter.Format.CSV);

        assertThat(ga4.columns()).containsEntry("touchpoint", "page_location").containsEntry("event", "event_name");
        assertThat(ga4.suggestedBy()).containsEntry("event", "ga4");
        assertThat(ga4.parameters()).containsEntry("eventColumn", "event_name")
                .containsEntry("purchaseEvent", "purchase");
        assertThat(ga4.attributes(List.of("event_name", "page_location"))).containsExactly("event_name");
        assertThat(posthog.columns()).containsEntry("event", "event");
        assertThat(posthog.suggestedBy()).containsEntry("event", "posthog");
        assertThat(posthog.parameters()).containsEntry("eventColumn", "event").doesNotContainKey("purchaseEvent");
        assertThat(eventsAsPages.columns()).as("without a page's column the event's name is the touchpoint")
                .containsEntry("touchpoint", "event_name").doesNotContainKey("event");
    }

    @Test
    void canonicalColumnsAreTheDefaultsAndNeedNoParameter() {
        ColumnSuggestion suggestion = ColumnSuggestion.of(List.of("journey_id", "timestamp", "touchpoint", "channel",
                "colour"), parameters(null, null), EventImporter.Format.CSV);

        assertThat(suggestion.columns()).containsExactly(Map.entry("journey", "journey_id"),
                Map.entry("timestamp", "timestamp"), Map.entry("touchpoint", "touchpoint"),
                Map.entry("channel", "channel"));
        assertThat(suggestion.suggestedBy().values()).containsOnly("default");
        assertThat(suggestion.parameters()).isEmpty();
        assertThat(suggestion.attributes(List.of("journey_id", "colour"))).containsExactly("colour");
    }

    @Test
    void xesNamesAndOtherSpellingsAreAliasesThatTheParametersName() {
        ColumnSuggestion suggestion = ColumnSuggestion.of(List.of("case:concept:name", "concept:name",
                "time:timestamp", "Customer ID", "DEVICE"), parameters(null, null), EventImporter.Format.CSV);

        assertThat(suggestion.columns()).containsEntry("journey", "case:concept:name")
                .containsEntry("touchpoint", "concept:name").containsEntry("timestamp", "time:timestamp")
                .containsEntry("customer", "Customer ID").containsEntry("device", "DEVICE");
        assertThat(suggestion.suggestedBy().values()).containsOnly("alias");
        assertThat(suggestion.parameters()).containsEntry("journeyColumn", "case:concept:name")
                .containsEntry("customerColumn", "Customer ID").containsEntry("deviceColumn", "DEVICE");
        assertThat(suggestion.mapping().customer()).isEqualTo("Customer ID");
        assertThat(suggestion.mapping().channel()).as("the default where nothing matched").isEqualTo("channel");
    }

    @Test
    void aParameterWinsAndItsColumnServesNoOtherRole() {
        ColumnSuggestion suggestion = ColumnSuggestion.of(List.of("touchpoint", "page", "timestamp", "journey_id"),
                parameters(null, "page"), EventImporter.Format.CSV);
        assertThat(suggestion.columns()).containsEntry("touchpoint", "page");
        assertThat(suggestion.suggestedBy()).containsEntry("touchpoint", "parameter");
        assertThat(suggestion.attributes(List.of("touchpoint", "page", "timestamp", "journey_id")))
                .containsExactly("touchpoint");

        ColumnSuggestion taken = ColumnSuggestion.of(List.of("touchpoint", "timestamp"),
                parameters("touchpoint", null), EventImporter.Format.CSV);
        assertThat(taken.columns()).containsEntry("journey", "touchpoint").doesNotContainKey("touchpoint");
    }

    /**
     * A GA4 export's session id is unique per user only: its header gets the user and the session as the journey's
     * key, and the batch's index as the order of the events of one time.
     */
    @Test
    void aGa4HeaderIsKeyedByUserAndSessionAndOrderedByTheBatchIndex() {
        List<String> header = List.of("event_timestamp", "event_name", "user_pseudo_id", "ga_session_id",
                "batch_event_index", "page_location");

        ColumnSuggestion suggestion = ColumnSuggestion.of(header, parameters(null, null), EventImporter.Format.CSV);

        assertThat(suggestion.columns()).containsEntry("journey", "user_pseudo_id,ga_session_id")
                .containsEntry("order", "batch_event_index");
        assertThat(suggestion.suggestedBy()).containsEntry("journey", "ga4").containsEntry("order", "ga4");
        assertThat(suggestion.parameters()).containsEntry("journeyColumn", "user_pseudo_id,ga_session_id")
                .containsEntry("orderColumn", "batch_event_index");
        assertThat(suggestion.mapping().journeyColumns()).containsExactly("user_pseudo_id", "ga_session_id");
        assertThat(suggestion.attributes(header)).as("the order column stays an event attribute")
                .containsExactly("event_name", "batch_event_index");
        assertThat(suggestion.columns()).as("GA4's time in microseconds and the page's address")
                .containsEntry("timestamp", "event_timestamp").containsEntry("touchpoint", "page_location");
        assertThat(suggestion.suggestedBy()).containsEntry("timestamp", "ga4").containsEntry("touchpoint", "ga4");
        assertThat(suggestion.parameters()).containsEntry("timestampColumn", "event_timestamp")
                .containsEntry("touchpointColumn", "page_location");

        ColumnSuggestion withPurchases = ColumnSuggestion.of(List.of("event_timestamp", "event_name",
                "user_pseudo_id", "ga_session_id", "page_location", "ecommerce.transaction_id",
                "ecommerce.purchase_revenue"), parameters(null, null), EventImporter.Format.CSV);
        assertThat(withPurchases.parameters()).as("a purchase sent twice has one transaction id: it counts once")
                .containsEntry("eventIdColumn", "ecommerce.transaction_id")
                .containsEntry("valueColumn", "ecommerce.purchase_revenue");
        assertThat(withPurchases.suggestedBy()).containsEntry("eventId", "ga4").containsEntry("value", "ga4");
        assertThat(suggestion.columns()).as("no transaction column, no event id").doesNotContainKey("eventId");

        ColumnSuggestion withoutAddress = ColumnSuggestion.of(List.of("event_timestamp", "event_name",
                "user_pseudo_id", "ga_session_id"), parameters(null, null), EventImporter.Format.CSV);
        assertThat(withoutAddress.columns()).as("an export without page_location: the event's name")
                .containsEntry("touchpoint", "event_name");
        ColumnSuggestion withDefaults = ColumnSuggestion.of(List.of("timestamp", "touchpoint", "event_timestamp",
                "page_location", "user_pseudo_id", "ga_session_id"), parameters(null, null), EventImporter.Format.CSV);
        assertThat(withDefaults.columns()).as("the default columns win")
                .containsEntry("timestamp", "timestamp").containsEntry("touchpoint", "touchpoint");

        ColumnSuggestion withoutIndex = ColumnSuggestion.of(List.of("user_pseudo_id", "ga_session_id", "timestamp"),
                parameters(null, null), EventImporter.Format.CSV);
        assertThat(withoutIndex.columns()).containsEntry("journey", "user_pseudo_id,ga_session_id")
                .doesNotContainKey("order");
        assertThat(withoutIndex.orderColumn()).isNull();

        ColumnSuggestion keyed = ColumnSuggestion.of(List.of("journey_id", "user_pseudo_id", "ga_session_id"),
                parameters(null, null), EventImporter.Format.CSV);
        assertThat(keyed.columns()).as("the default journey column wins").containsEntry("journey", "journey_id");
        ColumnSuggestion given = ColumnSuggestion.of(header, parameters("ga_session_id", null),
                EventImporter.Format.CSV);
        assertThat(given.columns()).containsEntry("journey", "ga_session_id");
        assertThat(given.suggestedBy()).containsEntry("journey", "parameter");
    }

    /**
     * GA4 orders the events of one time by their batch, then by their place in it: a header with both gets both,
     * batch first, and one without batch_ordering_id the index alone.
     */
    @Test
    void aGa4HeaderWithItsBatchIsOrderedByTheBatchThenTheIndex() {
        List<String> header = List.of("event_timestamp", "user_pseudo_id", "ga_session_id", "batch_event_index",
                "batch_ordering_id", "page_location");

        ColumnSuggestion suggestion = ColumnSuggestion.of(header, parameters(null, null), EventImporter.Format.CSV);

        assertThat(suggestion.columns()).containsEntry("order", "batch_ordering_id,batch_event_index");
        assertThat(suggestion.suggestedBy()).containsEntry("order", "ga4");
        assertThat(suggestion.parameters()).containsEntry("orderColumn", "batch_ordering_id,batch_event_index");
        assertThat(suggestion.orderColumn()).isEqualTo("batch_ordering_id,batch_event_index");
        assertThat(suggestion.attributes(header)).as("the order columns stay event attributes")
                .containsExactly("batch_event_index", "batch_ordering_id");

        ColumnSuggestion batchTaken = ColumnSuggestion.of(header, parameters(null, "batch_ordering_id"),
                EventImporter.Format.CSV);
        assertThat(batchTaken.orderColumn()).as("a column a field reads orders nothing")
                .isEqualTo("batch_event_index");
        ColumnSuggestion batchAlone = ColumnSuggestion.of(List.of("event_timestamp", "user_pseudo_id",
                "ga_session_id", "batch_ordering_id"), parameters(null, null), EventImporter.Format.CSV);
        assertThat(batchAlone.orderColumn()).as("the batch alone leaves its events in file order, as before").isNull();

        ColumnSuggestion given = ColumnSuggestion.of(header, parameters(null, null)
                .withOrderColumn(new String[] {"batch_event_index", "event_timestamp"}), EventImporter.Format.CSV);
        assertThat(given.columns()).containsEntry("order", "batch_event_index,event_timestamp");
        assertThat(given.suggestedBy()).containsEntry("order", "parameter");
        assertThat(given.columns().get("timestamp")).as("a column the order parameter names serves no role")
                .isNotEqualTo("event_timestamp");
    }

    @Test
    void anXesLogsDefaultsAreItsStandardNames() {
        ColumnSuggestion suggestion = ColumnSuggestion.of(List.of("case:concept:name", "concept:name",
                "time:timestamp", "org:resource"), parameters(null, null), EventImporter.Format.XES);
        assertThat(suggestion.suggestedBy()).containsEntry("journey", "default").containsEntry("touchpoint", "default");
        assertThat(suggestion.attributes(List.of("case:concept:name", "org:resource"))).containsExactly("org:resource");
    }
}
