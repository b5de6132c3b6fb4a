package com.journeyexplorer.graph;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Opens the app's own sessions with one bookmark manager per driver, so that each session sees everything the
 * instance's earlier sessions committed or read (Neo4j's causal consistency). On a cluster this is what keeps the
 * journal follower right: the read of the journeys an entry changed may be routed to another secondary than the read
 * of the entry, and the bookmark makes that server wait until it has the entry's transaction. On a single server, or
 * the embedded one, the bookmarks are always already applied and cost nothing.
 */
final class CausalSessions {

    private static final Map<Driver, BookmarkManager> BOOKMARKS = Collections.synchronizedMap(new WeakHashMap<>());

    private CausalSessions() {
    }

    static Session open(Driver driver) {
        return driver.session(SessionConfig.builder().withBookmarkManager(bookmarksOf(driver)).build());
    }

    /** The bookmark manager of the sessions opened on {@code driver}. */
    static BookmarkManager bookmarksOf(Driver driver) {
        return BOOKMARKS.computeIfAbsent(driver,
                any -> BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build()));
    }
}
