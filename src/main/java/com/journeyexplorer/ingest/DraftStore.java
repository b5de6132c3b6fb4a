package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The events of an upload grouped into drafts (one per journey id, or per customer for rows without one), held in
 * a few growing arrays rather than an object per draft: per event its touchpoint, time, type, revenue, fingerprint
 * and the next event of its draft (33 bytes; 12 more for an event with revenue, its line), per draft its key,
 * customer id and a handful of ints, segments and devices as numbers into a table of the distinct names. A million
 * demo journeys (5.6 million events) take about 300 bytes each instead of the 1.3 KB of a map of draft objects.
 * Drafts keep the order of their first event; each is handed out as a {@link JourneyDraft} built on demand
 * ({@link #drafts}). Extra columns are kept per event, a reference per event for each column that any row has.
 * The segment and device of events without a journey id are kept per event too (4 bytes each, once any such row has
 * one), as each of the customer's sessions takes those of its own events.
 */
final class DraftStore {

    private static final int NONE = -1;

    // Per draft.
    private int drafts;
    private String[] keys = new String[16];
    private boolean[] byCustomer = new boolean[16];
    private String[] customers = new String[16];
    private int[] segments = new int[16];
    private int[] devices = new int[16];
    private int[] sizes = new int[16];
    private int[] firstEvents = new int[16];
    private int[] lastEvents = new int[16];
    /** Open addressing by key: draft + 1 per slot, 0 empty; at most half full. */
    private int[] table = new int[32];

    // Per event.
    private int events;
    private int[] steps = new int[64];
    private long[] times = new long[64];
    private byte[] types = new byte[64];
    private double[] values = new double[64];
    private long[] fingerprints = new long[64];
    private int[] nextEvents = new int[64];
    private String[] eventIds;
    /** Segment and device numbers of each event split into sessions by customer; null until such an event has one. */
    private int[] eventSegments;
    private int[] eventDevices;
    /**
     * The events with revenue (few: purchases), in the order added, with the line and file of each: what names the
     * row of a value refused once the journey is merged with the stored one ({@link JourneyAssembler}).
     */
    private int revenueEvents;
    private int[] revenueEventIndexes = new int[16];
    private long[] revenueLines = new long[16];
    /** The file of each revenue event in a bulk load of several; null while every event is of the first. */
    private int[] revenueFiles;
    /** Extra columns by name: the value of each event, null where it has none. */
    private final Map<String, String[]> columns = new LinkedHashMap<>();

    /** Segment and device names by number; 0 is the empty name. */
    private final List<String> names = new ArrayList<>(List.of(""));
    private final Map<String, Integer> nameNumbers = new HashMap<>(Map.of("", 0));

    /** The draft of {@code key}, or -1. */
    int find(String key, boolean customer) {
        int mask = table.length - 1;
        for (int slot = hash(key, customer) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return NONE;
            }
            int draft = entry - 1;
            if (byCustomer[draft] == customer && keys[draft].equals(key)) {
                return draft;
            }
        }
    }

    /** Whether draft {@code draft} is the one of {@code key}. */
    boolean is(int draft, String key, boolean customer) {
        return byCustomer[draft] == customer && keys[draft].equals(key);
    }

    /** A new, empty draft for {@code key}, which has none yet. */
    int create(String key, boolean customer) {
        if (drafts == keys.length) {
            int capacity = drafts + (drafts >> 1);
            keys = Arrays.copyOf(keys, capacity);
            byCustomer = Arrays.copyOf(byCustomer, capacity);
            customers = Arrays.copyOf(customers, capacity);
            segments = Arrays.copyOf(segments, capacity);
            devices = Arrays.copyOf(devices, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            firstEvents = Arrays.copyOf(firstEvents, capacity);
            lastEvents = Arrays.copyOf(lastEvents, capacity);
        }
        int draft = drafts++;
        keys[draft] = key;
        byCustomer[draft] = customer;
        firstEvents[draft] = NONE;
        lastEvents[draft] = NONE;
        if (drafts * 2 > table.length) {
            rehash();
        }
        insert(draft);
        return draft;
    }

    int size(int draft) {
        return sizes[draft];
    }

    String key(int draft) {
        return keys[draft];
    }

    int draftCount() {
        return drafts;
    }

    /**
     * Adds an event to {@code draft}, read from {@code line} of file {@code file} (0 but in a bulk load of several
     * files); {@code value} is its revenue.
     */
    void add(int draft, int step, long time, byte type, double value, String eventId, long fingerprintSeed,
            long line, int file) {
        if (events == steps.length) {
            growEvents();
        }
        int event = events++;
        steps[event] = step;
        times[event] = time;
        types[event] = type;
        values[event] = value;
        fingerprints[event] = JourneyDraft.mix(fingerprintSeed);
        nextEvents[event] = NONE;
        if (eventId != null && eventIds == null) {
            eventIds = new String[steps.length];
        }
        if (eventIds != null) {
            eventIds[event] = eventId;
        }
        if (lastEvents[draft] == NONE) {
            firstEvents[draft] = event;
        } else {
            nextEvents[lastEvents[draft]] = event;
        }
        lastEvents[draft] = event;
        sizes[draft]++;
        if (value != 0) {
            addRevenueEvent(event, line, file);
        }
    }

    private void addRevenueEvent(int event, long line, int file) {
        if (revenueEvents == revenueLines.length) {
            int capacity = revenueEvents + (revenueEvents >> 1);
            revenueEventIndexes = Arrays.copyOf(revenueEventIndexes, capacity);
            revenueLines = Arrays.copyOf(revenueLines, capacity);
            if (revenueFiles != null) {
                revenueFiles = Arrays.copyOf(revenueFiles, capacity);
            }
        }
        if (file != 0 && revenueFiles == null) {
            revenueFiles = new int[revenueLines.length];
        }
        revenueEventIndexes[revenueEvents] = event;
        revenueLines[revenueEvents] = line;
        if (revenueFiles != null) {
            revenueFiles[revenueEvents] = file;
        }
        revenueEvents++;
    }

    /** Adds a cell of the event added last to its fingerprint; see {@link JourneyDraft#fingerprintCell}. */
    void fingerprintCell(int columnHash, String cell) {
        fingerprints[events - 1] += JourneyDraft.cellHash(columnHash, cell);
    }

    /**
     * Keeps the first non-empty value of each journey-level field of the event added last to {@code draft}, and, for a
     * customer's draft, its segment and device as the event's own.
     */
    void describe(int draft, String customer, String segment, String device) {
        if (customers[draft] == null && customer != null) {
            customers[draft] = customer;
        }
        if (byCustomer[draft] && (segment != null || device != null)) {
            if (eventSegments == null) {
                eventSegments = new int[steps.length];
                eventDevices = new int[steps.length];
            }
            eventSegments[events - 1] = segment == null ? 0 : number(segment);
            eventDevices[events - 1] = device == null ? 0 : number(device);
        }
        if (segments[draft] == 0 && segment != null) {
            segments[draft] = number(segment);
        }
        if (devices[draft] == 0 && device != null) {
            devices[draft] = number(device);
        }
    }

    /** Sets the value of an extra column on the event added last. */
    void attribute(String name, String value) {
        columns.computeIfAbsent(name, column -> new String[steps.length])[events - 1] = value;
    }

    /** The keys of the drafts of customers (rows without a journey id). */
    Set<String> customerKeys() {
        Set<String> customers = new HashSet<>();
        for (int draft = 0; draft < drafts; draft++) {
            if (byCustomer[draft]) {
                customers.add(keys[draft]);
            }
        }
        return customers;
    }

    /** The drafts in the order of their first event, each built when it is reached. */
    Iterable<JourneyDraft> drafts() {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < drafts;
            }

            @Override
            public JourneyDraft next() {
                if (next >= drafts) {
                    throw new NoSuchElementException();
                }
                return draft(next++);
            }
        };
    }

    private JourneyDraft draft(int draft) {
        int size = sizes[draft];
        JourneyDraft out = new JourneyDraft(keys[draft], byCustomer[draft]);
        out.customerId = customers[draft] == null ? "" : customers[draft];
        out.segment = names.get(segments[draft]);
        out.device = names.get(devices[draft]);
        out.size = size;
        out.steps = new int[size];
        out.times = new long[size];
        out.types = new byte[size];
        out.values = new double[size];
        out.fingerprints = new long[size];
        boolean anyIds = false;
        Map<String, String[]> draftColumns = new LinkedHashMap<>();
        int i = 0;
        for (int event = firstEvents[draft]; event != NONE; event = nextEvents[event], i++) {
            out.steps[i] = steps[event];
            out.times[i] = times[event];
            out.types[i] = types[event];
            out.values[i] = values[event];
            out.fingerprints[i] = fingerprints[event];
            if (values[event] != 0) {
                // Only drafts with a purchase carry lines: most journeys have none.
                if (out.lines == null) {
                    out.lines = new long[size];
                    out.files = revenueFiles == null ? null : new int[size];
                }
                int revenueEvent = Arrays.binarySearch(revenueEventIndexes, 0, revenueEvents, event);
                out.lines[i] = revenueLines[revenueEvent];
                if (out.files != null) {
                    out.files[i] = revenueFiles[revenueEvent];
                }
            }
            anyIds |= eventIds != null && eventIds[event] != null;
            for (Map.Entry<String, String[]> column : columns.entrySet()) {
                String value = column.getValue()[event];
                if (value != null) {
                    draftColumns.computeIfAbsent(column.getKey(), name -> new String[size])[i] = value;
                }
            }
        }
        if (byCustomer[draft] && eventSegments != null) {
            out.segments = new String[size];
            out.devices = new String[size];
            i = 0;
            for (int event = firstEvents[draft]; event != NONE; event = nextEvents[event], i++) {
                out.segments[i] = names.get(eventSegments[event]);
                out.devices[i] = names.get(eventDevices[event]);
            }
        }
        if (anyIds) {
            out.eventIds = new String[size];
            i = 0;
            for (int event = firstEvents[draft]; event != NONE; event = nextEvents[event], i++) {
                out.eventIds[i] = eventIds[event];
            }
        }
        out.columns = draftColumns.isEmpty() ? Map.of() : draftColumns;
        return out;
    }

    private int number(String name) {
        Integer number = nameNumbers.get(name);
        if (number == null) {
            number = names.size();
            names.add(name);
            nameNumbers.put(name, number);
        }
        return number;
    }

    private void growEvents() {
        int capacity = events + (events >> 1);
        steps = Arrays.copyOf(steps, capacity);
        times = Arrays.copyOf(times, capacity);
        types = Arrays.copyOf(types, capacity);
        values = Arrays.copyOf(values, capacity);
        fingerprints = Arrays.copyOf(fingerprints, capacity);
        nextEvents = Arrays.copyOf(nextEvents, capacity);
        if (eventIds != null) {
            eventIds = Arrays.copyOf(eventIds, capacity);
        }
        if (eventSegments != null) {
            eventSegments = Arrays.copyOf(eventSegments, capacity);
            eventDevices = Arrays.copyOf(eventDevices, capacity);
        }
        columns.replaceAll((name, cells) -> Arrays.copyOf(cells, capacity));
    }

    private void rehash() {
        table = new int[table.length * 2];
        for (int draft = 0; draft < drafts - 1; draft++) {
            insert(draft);
        }
    }

    private void insert(int draft) {
        int mask = table.length - 1;
        int slot = hash(keys[draft], byCustomer[draft]) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = draft + 1;
    }

    private static int hash(String key, boolean customer) {
        int h = key.hashCode() * 0x9E3779B9 + (customer ? 1 : 0);
        return h ^ h >>> 15;
    }
}
