package com.journeyexplorer.graph;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;

import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;

/**
 * Opens the app's own sessions with one bookmark manager per driver, so that each session sees everything the
 * instance's earlier sessions committed or read (Neo4j's causal consistency). On a cluster this is what keeps the
 * journal follower right: the read of the journeys an entry changed may be routed to another secondary than the read
 * of the entry, and the bookmark makes that server wait until it has the entry's transaction. On a single server, or
 * the embedded one, the bookmarks are always already applied and cost nothing.
 *
 * <p>The managed transactions of these sessions ({@code executeRead}, {@code executeWrite}) fail at once on a memory
 * bound of Neo4j ({@link TransactionMemoryExceededException}): the driver counts it among the transient errors and
 * would run the same work again for up to its retry time (30 s), to meet the same bound each time. Their other
 * transient errors (a deadlock, a leader switch) are retried as before.
 */
final class CausalSessions {

    private static final Map<Driver, BookmarkManager> BOOKMARKS = Collections.synchronizedMap(new WeakHashMap<>());

    private CausalSessions() {
    }

    static Session open(Driver driver) {
        Session session = driver.session(SessionConfig.builder().withBookmarkManager(bookmarksOf(driver)).build());
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, arguments) -> {
                    if (method.getName().startsWith("execute") && arguments != null) {
                        arguments = arguments.clone();
                        for (int i = 0; i < arguments.length; i++) {
                            arguments[i] = failingAtOnceOnMemory(arguments[i]);
                        }
                    }
                    try {
                        return method.invoke(session, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * A managed transaction's work ({@link TransactionCallback} or {@link Consumer}) that throws a memory bound's
     * error as one the driver does not retry; any other argument as it is.
     */
    @SuppressWarnings("unchecked")
    private static Object failingAtOnceOnMemory(Object argument) {
        if (argument instanceof TransactionCallback<?> work) {
            return (TransactionCallback<Object>) tx -> {
                try {
                    return work.execute(tx);
                } catch (RuntimeException e) {
                    throw notRetried(e);
                }
            };
        }
        if (argument instanceof Consumer<?> work) {
            return (Consumer<TransactionContext>) tx -> {
                try {
                    ((Consumer<TransactionContext>) work).accept(tx);
                } catch (RuntimeException e) {
                    throw notRetried(e);
                }
            };
        }
        return argument;
    }

    private static RuntimeException notRetried(RuntimeException failure) {
        if (failure instanceof TransactionMemoryExceededException) {
            return failure;
        }
        TransactionMemoryExceededException exceeded = TransactionMemoryExceededException.of("the request", failure);
        return exceeded != null ? exceeded : failure;
    }

    /** The bookmark manager of the sessions opened on {@code driver}. */
    static BookmarkManager bookmarksOf(Driver driver) {
        return BOOKMARKS.computeIfAbsent(driver,
                any -> BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build()));
    }
}
