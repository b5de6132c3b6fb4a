package com.journeyexplorer.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.springframework.stereotype.Component;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.predict.VariableOrderChain;

/**
 * The variable-order chains that {@code /api/predict} answers from, built once per snapshot, selection and order and
 * kept until the next import replaces the snapshot (a snapshot never changes, so a model learned from it stays
 * right). The latest {@value #MAX_MODELS} models are kept (a model of a million journeys holds a few megabytes on the
 * demo store, more on a clickstream of thousands of pages); concurrent first requests for a model wait for the one
 * build. A request on an older snapshot than the latest builds its model without keeping it.
 */
@Component
class PredictionModels {

    static final int MAX_MODELS = 4;

    private record Key(JourneySelection selection, int order) {
    }

    private final Map<Key, FutureTask<VariableOrderChain>> models = new LinkedHashMap<>(16, 0.75f, true);
    private long version = -1;

    /** The model of the selected journeys of {@code snapshot}; O(events · order) on first use, O(1) after. */
    VariableOrderChain model(JourneySnapshot snapshot, JourneySelection selection, int order) {
        FutureTask<VariableOrderChain> task = new FutureTask<>(() -> VariableOrderChain.learn(snapshot,
                selection.selectsAll(snapshot) ? null : selection.positions(snapshot), order));
        FutureTask<VariableOrderChain> running;
        Key key = new Key(selection, order);
        synchronized (this) {
            if (snapshot.version() < version) {
                running = task;
            } else {
                if (snapshot.version() > version) {
                    models.clear();
                    version = snapshot.version();
                }
                running = models.putIfAbsent(key, task);
                if (running == null) {
                    running = task;
                    var eldest = models.entrySet().iterator();
                    while (models.size() > MAX_MODELS && eldest.hasNext()) {
                        eldest.next();
                        eldest.remove();
                    }
                }
            }
        }
        if (running == task) {
            task.run();
        }
        try {
            return running.get();
        } catch (ExecutionException e) {
            synchronized (this) {
                models.remove(key, running);
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the prediction model was built", e);
        }
    }
}
