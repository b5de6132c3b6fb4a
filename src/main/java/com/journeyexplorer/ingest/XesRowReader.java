package com.journeyexplorer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XES event logs (IEEE 1849), the process-mining standard, read as a stream with StAX: no document tree, so memory
 * holds one trace at a time. Each event becomes a row whose columns are the event's attributes by key
 * ({@code concept:name}, {@code time:timestamp}, {@code lifecycle:transition}, {@code org:resource}, ...) and its
 * trace's attributes prefixed with {@code case:} ({@code case:concept:name} is the trace's name), the shape pm4py gives
 * a log it converts to a table. A trace's events are handed on when the trace ends, so that trace attributes written
 * after its events still reach every event. Nested attributes (lists, containers, meta-attributes) are skipped; DTDs
 * and external entities are refused. A gzip-compressed log is decompressed
 * before it reaches this reader ({@link Upload}, which also bounds its decompressed size). An attribute named by a
 * parameter ({@code touchpointColumn=Activity}) that no event of the log has, of its own or of its trace, is a
 * misspelt parameter, refused as NDJSON refuses a key no object has ({@link NdjsonRowReader}): one problem naming the
 * parameter rather than a row error on every event.
 */
final class XesRowReader implements RowReader {

    /** The prefix pm4py gives trace attributes in a table: {@code case:concept:name}, {@code case:creator}. */
    static final String TRACE_PREFIX = "case:";
    static final int MAX_ATTRIBUTES = 1_000;
    /**
     * Events of one trace held before they are handed on; beyond it (a trace longer than any journey should be) the
     * held events go on with the trace attributes read so far, which the standard puts before the events anyway.
     */
    static final int MAX_HELD_EVENTS = 10_000;

    private static final List<String> ATTRIBUTE_TYPES = List.of("string", "date", "int", "float", "boolean", "id");

    /**
     * The attributes the upload's parameters name, each with its parameter ({@code Activity} by
     * {@code touchpointColumn}).
     */
    private final Map<String, String> namedColumns;

    XesRowReader() {
        this(Map.of());
    }

    /**
     * @param namedColumns attributes the upload's parameters name, each with its parameter: some event of the log
     *                     must have each (a trace attribute with its {@code case:} prefix), else the log is refused
     *                     naming the parameter
     */
    XesRowReader(Map<String, String> namedColumns) {
        this.namedColumns = namedColumns;
    }

    @Override
    public boolean read(InputStream input, Consumer<InputRow> consumer, ErrorCollector errors) throws IOException {
        XMLStreamReader xml;
        try {
            xml = factory().createXMLStreamReader(input);
        } catch (XMLStreamException e) {
            errors.add(1, null, "is not an XES log: " + reason(e));
            return false;
        }
        try {
            return readLog(xml, consumer, errors);
        } catch (XMLStreamException e) {
            Location location = e.getLocation();
            long line = location == null ? 0 : Math.max(0, location.getLineNumber());
            if (e.getNestedException() instanceof UploadTooLargeException tooLarge) {
                throw tooLarge;
            }
            errors.add(line, null, e.getNestedException() instanceof IOException unreadable
                    ? "cannot be read: " + reason(unreadable) : "is not well-formed XML: " + reason(e));
            return false;
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // The stream is closed by its owner.
            }
        }
    }

    @Override
    public String noRowsReason() {
        return "is an XES log without events (<event> in a <trace>)";
    }

    private boolean readLog(XMLStreamReader xml, Consumer<InputRow> rows, ErrorCollector errors)
            throws XMLStreamException {
        // Emptied as the attributes turn up, so that once each was seen the events cost no more look-ups.
        Map<String, String> unseen = new LinkedHashMap<>(namedColumns);
        XesRow[] first = new XesRow[1];
        Consumer<InputRow> consumer = unseen.isEmpty() ? rows : row -> {
            if (first[0] == null) {
                first[0] = (XesRow) row;
            }
            if (!unseen.isEmpty()) {
                unseen.keySet().removeIf(name -> row.get(name) != null);
            }
            rows.accept(row);
        };
        boolean sawLog = false;
        Attributes traceAttributes = null;
        List<XesRow> traceEvents = new ArrayList<>();
        Attributes event = null;
        long eventLine = 0;
        int depth = 0;
        int traceDepth = -1;
        int eventDepth = -1;
        while (xml.hasNext()) {
            int token = xml.next();
            if (token == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if (depth == 1) {
                    if (!name.equals("log")) {
                        errors.add(xml.getLocation().getLineNumber(), null, "the root element is <" + name
                                + ">, not <log>: this is not an XES log");
                        return false;
                    }
                    sawLog = true;
                } else if (name.equals("trace") && depth == 2) {
                    traceAttributes = new Attributes();
                    traceEvents.clear();
                    traceDepth = depth;
                } else if (name.equals("event") && traceDepth > 0 && depth == traceDepth + 1) {
                    event = new Attributes();
                    eventLine = xml.getLocation().getLineNumber();
                    eventDepth = depth;
                } else if (ATTRIBUTE_TYPES.contains(name)) {
                    String key = xml.getAttributeValue(null, "key");
                    String value = xml.getAttributeValue(null, "value");
                    long line = xml.getLocation().getLineNumber();
                    if (key != null && value != null) {
                        if (event != null && depth == eventDepth + 1) {
                            event.put(key, value, line, errors);
                        } else if (event == null && traceAttributes != null && depth == traceDepth + 1) {
                            traceAttributes.put(TRACE_PREFIX + key, value, line, errors);
                        }
                    }
                }
            } else if (token == XMLStreamConstants.END_ELEMENT) {
                if (depth == eventDepth && event != null) {
                    traceEvents.add(new XesRow(eventLine, event));
                    event = null;
                    eventDepth = -1;
                    if (traceEvents.size() >= MAX_HELD_EVENTS) {
                        for (XesRow row : traceEvents) {
                            consumer.accept(row.with(traceAttributes));
                        }
                        traceEvents.clear();
                    }
                } else if (depth == traceDepth && traceAttributes != null) {
                    for (XesRow row : traceEvents) {
                        consumer.accept(row.with(traceAttributes));
                    }
                    traceEvents.clear();
                    traceAttributes = null;
                    traceDepth = -1;
                }
                depth--;
            }
        }
        if (!sawLog) {
            errors.add(1, null, "has no <log> element: this is not an XES log");
            return false;
        }
        return first[0] == null || unseen.isEmpty()
                || refuseUnseenAttributes(unseen, first[0].line(), String.join(", ", first[0].values().keySet()),
                        errors);
    }

    /**
     * Refuses the log for the parameters whose attribute no event has (and returns false), dropping the row errors
     * collected before, which follow from the parameter ({@link NdjsonRowReader#refuseUnseenKeys}).
     *
     * @param line            the first event's line
     * @param firstAttributes the first event's attributes, its trace's included, to show what the log does have
     */
    static boolean refuseUnseenAttributes(Map<String, String> unseen, long line, String firstAttributes,
            ErrorCollector errors) {
        errors.replaceWithParameterError(line, String.join(",", unseen.keySet()), "no event has the attribute "
                + "named by " + String.join(", ", unseen.entrySet().stream().map(named -> named.getValue() + "="
                        + named.getKey()).toList()) + " (attributes of the event at line " + line + ": "
                + TimestampParser.abbreviate(firstAttributes) + "); names match exactly, case included, and a "
                + "trace's attributes have the prefix " + TRACE_PREFIX,
                String.join(",", unseen.values().stream().distinct().toList()));
        return false;
    }

    /** The attributes of one event or trace, at most {@link #MAX_ATTRIBUTES} (one error for the rest). */
    private static final class Attributes extends LinkedHashMap<String, String> {

        private boolean overflowed;

        void put(String key, String value, long line, ErrorCollector errors) {
            if (size() >= MAX_ATTRIBUTES && !containsKey(key)) {
                if (!overflowed) {
                    overflowed = true;
                    errors.add(line, key, "is attribute " + (MAX_ATTRIBUTES + 1) + " of one event or trace; the "
                            + "limit is " + MAX_ATTRIBUTES);
                }
                return;
            }
            put(key, value);
        }
    }

    /** A StAX factory that resolves no DTD and no external entity (XXE). */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // StAX messages start with "ParseError at [row,col]:[3,5]\nMessage: ..."; the line is reported separately.
        int at = message.indexOf("Message:");
        return TimestampParser.shortened((at >= 0 ? message.substring(at + 8) : message).strip());
    }

    /** One event: its own attributes, then its trace's (an event attribute wins over a trace one of the same key). */
    private record XesRow(long line, Map<String, String> values) implements InputRow {

        XesRow with(Map<String, String> traceAttributes) {
            if (traceAttributes.isEmpty()) {
                return this;
            }
            Map<String, String> all = new LinkedHashMap<>(values);
            traceAttributes.forEach(all::putIfAbsent);
            return new XesRow(line, all);
        }

        @Override
        public String get(String column) {
            return values.get(column);
        }

        @Override
        public void forEach(BiConsumer<String, String> action) {
            values.forEach(action);
        }
    }
}
