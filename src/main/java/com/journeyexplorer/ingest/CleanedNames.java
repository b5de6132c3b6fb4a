package com.journeyexplorer.ingest;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The touchpoint names of one upload cleaned by {@link TouchpointCleaning}, and what the report says of them: how many
 * distinct names as written became how many touchpoints, and how many events were renamed. The rewrite rules run once
 * per distinct page (the name after {@code urls}), up to {@value #MAX_CACHED} pages, and on every row of the pages
 * beyond; the names as written are counted by a 64-bit hash each (16 bytes per distinct name at most), not kept.
 */
final class CleanedNames {

    /** Pages whose rewritten name is kept, so that the rules run once per page. */
    static final int MAX_CACHED = 100_000;
    /** Hosts named in the warning that {@code urls=path} merged the pages of several. */
    private static final int MAX_HOSTS = 5;

    private final TouchpointCleaning cleaning;
    private final Map<String, String> rewritten = new HashMap<>();
    /** Open addressing set of the hashes of the names as written (0 marks a free slot). */
    private long[] hashes = new long[1024];
    private long names;
    private final BitSet touchpoints = new BitSet();
    /** The cleaned names of the steps of aggregated paths, which have no touchpoint id while they are read. */
    private final Set<String> stepTouchpoints = new HashSet<>();
    private long renamedEvents;
    /** Under {@code urls=path}, the first hosts of the addresses read, and whether there were more. */
    private final Set<String> hosts = new LinkedHashSet<>();
    private boolean moreHosts;
    private String lastHost;

    CleanedNames(TouchpointCleaning cleaning) {
        this.cleaning = cleaning;
    }

    /** {@code written} cleaned: its page, then rewritten by the rules. */
    String clean(String written) {
        String page = cleaning.pageOf(written);
        if (cleaning.rewrites().isEmpty()) {
            return page;
        }
        String cleaned = rewritten.get(page);
        if (cleaned == null) {
            cleaned = cleaning.rewritten(page);
            if (rewritten.size() < MAX_CACHED) {
                rewritten.put(page, cleaned);
            }
        }
        return cleaned;
    }

    /** Counts an accepted event whose name {@code written} was cleaned to {@code cleaned}, touchpoint {@code id}. */
    void count(String written, String cleaned, int id) {
        add(JourneyDraft.cellHash(0, written));
        touchpoints.set(id);
        if (!written.equals(cleaned)) {
            renamedEvents++;
        }
        if (cleaning.urls() == TouchpointCleaning.Urls.PATH) {
            noteHost(written);
        }
    }

    /**
     * Counts a step of an accepted row of aggregated paths whose name {@code written} was cleaned to {@code cleaned}:
     * the row's {@code events} events there (one per journey it stands for) are renamed when the name changed.
     */
    void countStep(String written, String cleaned, long events) {
        add(JourneyDraft.cellHash(0, written));
        stepTouchpoints.add(cleaned);
        if (!written.equals(cleaned)) {
            renamedEvents += events;
        }
        if (cleaning.urls() == TouchpointCleaning.Urls.PATH) {
            noteHost(written);
        }
    }

    private void noteHost(String written) {
        int start = TouchpointCleaning.hostStart(written);
        if (start < 0) {
            return;
        }
        int end = TouchpointCleaning.hostEnd(written, start);
        // The rows of a clickstream mostly name one host: compared in place, without a new string.
        if (lastHost != null && end - start == lastHost.length()
                && written.regionMatches(true, start, lastHost, 0, lastHost.length())) {
            return;
        }
        lastHost = TouchpointCleaning.host(written, start, end);
        if (hosts.size() < MAX_HOSTS) {
            hosts.add(lastHost);
        } else if (!hosts.contains(lastHost)) {
            moreHosts = true;
        }
    }

    private void add(long hash) {
        long key = hash == 0 ? 1 : hash;
        int mask = hashes.length - 1;
        int slot = (int) key & mask;
        while (hashes[slot] != 0) {
            if (hashes[slot] == key) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = key;
        if (++names * 2 > hashes.length) {
            long[] old = hashes;
            hashes = new long[old.length * 2];
            names = 0;
            for (long kept : old) {
                if (kept != 0) {
                    add(kept);
                }
            }
        }
    }

    /** What the cleaning did to the accepted events. */
    ImportReport.Cleaning summary() {
        return new ImportReport.Cleaning(names, touchpoints.cardinality() + stepTouchpoints.size(), renamedEvents);
    }

    /** The warning that {@code urls=path} named the pages of several hosts by their paths alone, or none. */
    List<ImportWarning> warnings() {
        if (hosts.size() < 2) {
            return List.of();
        }
        String named = String.join(", ", hosts) + (moreHosts ? ", ..." : "");
        return List.of(new ImportWarning("urls-hosts-merged", (moreHosts ? "more than " : "")
                + hosts.size() + " hosts (" + named + ") have pages in this upload, and urls=path names a page by "
                + "its path alone: the same path on two hosts is one touchpoint (another site's home page and yours "
                + "are both '/'); urls=host-path keeps the hosts apart", hosts.size(), List.of()));
    }
}
