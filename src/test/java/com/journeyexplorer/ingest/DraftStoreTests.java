package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The compact store must hand out the same drafts as one object per draft would hold: each key's events in file
 * order with their fields, the first customer, segment and device given, extra columns only where a draft has a
 * value, drafts in the order of their first event; checked against a plain map on seeded random interleaved rows.
 */
class DraftStoreTests {

    /** One event as given to the store. */
    private record Event(int step, long time, byte type, double value, String eventId, long fingerprint,
            String product, long line, int file) {
    }

    private static final class Expected {
        final List<Event> events = new ArrayList<>();
        String customer;
        String segment;
        String device;
    }

    @Test
    void handsOutTheDraftsAPlainMapHolds() {
        Random random = new Random(7);
        DraftStore store = new DraftStore();
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (int row = 0; row < 20_000; row++) {
            boolean byCustomer = random.nextInt(10) == 0;
            String key = (byCustomer ? "c" : "j") + random.nextInt(3_000);
            int draft = store.find(key, byCustomer);
            if (draft < 0) {
                draft = store.create(key, byCustomer);
            }
            String eventId = random.nextInt(50) == 0 ? "e" + row : null;
            String product = random.nextInt(4) == 0 ? "p" + random.nextInt(5) : null;
            Event event = new Event(random.nextInt(40), random.nextLong(), (byte) random.nextInt(4),
                    random.nextInt(3) * 10.5, eventId, random.nextLong(), product, row + 2, row / 10_000);
            store.add(draft, event.step(), event.time(), event.type(), event.value(), eventId, event.fingerprint(),
                    event.line(), event.file());
            store.fingerprintCell("channel".hashCode(), "web");
            if (product != null) {
                store.attribute("product", product);
            }
            String customer = random.nextBoolean() ? "cust" + random.nextInt(100) : null;
            String segment = random.nextBoolean() ? "s" + random.nextInt(3) : null;
            String device = random.nextBoolean() ? "d" + random.nextInt(3) : null;
            store.describe(draft, customer, segment, device);

            Expected journey = expected.computeIfAbsent((byCustomer ? "c:" : "j:") + key, k -> new Expected());
            journey.events.add(event);
            journey.customer = journey.customer == null ? customer : journey.customer;
            journey.segment = journey.segment == null ? segment : journey.segment;
            journey.device = journey.device == null ? device : journey.device;
        }

        assertThat(store.draftCount()).isEqualTo(expected.size());
        var wanted = expected.entrySet().iterator();
        for (JourneyDraft draft : store.drafts()) {
            var entry = wanted.next();
            Expected journey = entry.getValue();
            List<Event> events = journey.events;
            assertThat((draft.byCustomer ? "c:" : "j:") + draft.key).isEqualTo(entry.getKey());
            assertThat(draft.size).isEqualTo(events.size());
            assertThat(draft.customerId).isEqualTo(journey.customer == null ? "" : journey.customer);
            assertThat(draft.segment).isEqualTo(journey.segment == null ? "" : journey.segment);
            assertThat(draft.device).isEqualTo(journey.device == null ? "" : journey.device);
            boolean anyProduct = events.stream().anyMatch(event -> event.product() != null);
            boolean anyId = events.stream().anyMatch(event -> event.eventId() != null);
            assertThat(draft.columns.keySet()).isEqualTo(anyProduct ? java.util.Set.of("product") : java.util.Set.of());
            assertThat(draft.eventIds != null).isEqualTo(anyId);
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                assertThat(draft.steps[i]).isEqualTo(event.step());
                assertThat(draft.times[i]).isEqualTo(event.time());
                assertThat(draft.types[i]).isEqualTo(event.type());
                assertThat(draft.values[i]).isEqualTo(event.value());
                assertThat(draft.line(i)).as("the line of an event with revenue").isEqualTo(event.value() == 0 ? 0
                        : event.line());
                assertThat(draft.file(i)).isEqualTo(event.value() == 0 ? 0 : event.file());
                assertThat(draft.fingerprints[i]).isEqualTo(JourneyDraft.mix(event.fingerprint())
                        + JourneyDraft.cellHash("channel".hashCode(), "web"));
                if (anyProduct) {
                    assertThat(draft.columns.get("product")[i]).isEqualTo(event.product());
                }
                if (anyId) {
                    assertThat(draft.eventIds[i]).isEqualTo(event.eventId());
                }
            }
        }
        assertThat(wanted.hasNext()).isFalse();
    }
}
