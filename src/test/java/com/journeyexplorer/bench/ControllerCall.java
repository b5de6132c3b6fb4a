package com.journeyexplorer.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.FeedbackGraph;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.graph.TransitionCache;

/**
 * A GET request answered by its controller's own handler method, without HTTP: the same code as a request with
 * {@code Cache-Control: no-cache}, minus JSON writing. Like the app, the calls over one projection share the
 * per-snapshot transition table of the unfiltered {@code /api/transitions} ({@link TransitionCache}) unless
 * {@code -Dprofile.transitionCache=false}, when each call computes it afresh.
 */
@FunctionalInterface
interface ControllerCall {

    Object call() throws Exception;

    /** The handler of {@code request}, a path with a URL-encoded query, over {@code projection}'s snapshot. */
    static ControllerCall of(JourneyProjection projection, String request) throws Exception {
        int question = request.indexOf('?');
        String path = question < 0 ? request : request.substring(0, question);
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        if (question >= 0) {
            for (String pair : request.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                parameters.add(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        String name = null;
        if (path.startsWith("/api/touchpoints/") && path.endsWith("/neighbourhood")) {
            name = decode(path.substring("/api/touchpoints/".length(), path.length() - "/neighbourhood".length()));
            path = "/api/touchpoints/{name}/neighbourhood";
        }
        String[] target = switch (path) {
            case "/api/attribution" -> new String[] {"AttributionController", "attribution"};
            case "/api/compare" -> new String[] {"CompareController", "compare"};
            case "/api/insights/moments" -> new String[] {"MomentsController", "moments"};
            case "/api/paths/top" -> new String[] {"PathsController", "top"};
            case "/api/paths/likely" -> new String[] {"PathsController", "likely"};
            case "/api/diversions" -> new String[] {"DiversionsController", "diversions"};
            case "/api/dropoff" -> new String[] {"DropoffController", "dropoff"};
            case "/api/funnel" -> new String[] {"FunnelController", "funnel"};
            case "/api/time-to-convert" -> new String[] {"TimeToConvertController", "timeToConvert"};
            case "/api/trends" -> new String[] {"TrendsController", "trends"};
            case "/api/flows" -> new String[] {"FlowsController", "flows"};
            case "/api/transitions" -> new String[] {"TransitionsController", "transitions"};
            case "/api/graph" -> new String[] {"GraphExportController", "graph"};
            case "/api/touchpoints/{name}/neighbourhood" -> new String[] {"NeighbourhoodController", "neighbourhood"};
            default -> throw new IllegalArgumentException("not profiled: " + path);
        };
        Class<?> type = Class.forName("com.journeyexplorer.api." + target[0]);
        boolean fresh = !Boolean.parseBoolean(System.getProperty("profile.transitionCache", "true"));
        Constructor<?> constructor = type.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        TransitionCache shared = new TransitionCache();
        FeedbackGraph noAnswers = List.of(constructor.getParameterTypes()).contains(FeedbackGraph.class)
                ? noAnswers() : null;
        // A controller's collaborators, by type: the projection, the transition cache, and no survey answers.
        Supplier<Object> controller = () -> {
            Class<?>[] types = constructor.getParameterTypes();
            Object[] arguments = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                arguments[i] = argument(types[i], projection, fresh ? new TransitionCache() : shared, noAnswers);
            }
            try {
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException failure) {
                throw new IllegalStateException(failure);
            }
        };
        if (name != null) {
            Method method = type.getDeclaredMethod(target[1], String.class, MultiValueMap.class);
            method.setAccessible(true);
            String touchpoint = name;
            return () -> method.invoke(controller.get(), touchpoint, parameters);
        }
        if (path.equals("/api/graph")) {
            // The graph also takes the Accept header: none, as a client that accepts anything sends.
            Method method = type.getDeclaredMethod(target[1], MultiValueMap.class, String.class);
            method.setAccessible(true);
            return () -> method.invoke(controller.get(), parameters, null);
        }
        Method method = type.getDeclaredMethod(target[1], MultiValueMap.class);
        method.setAccessible(true);
        return () -> method.invoke(controller.get(), parameters);
    }

    private static Object argument(Class<?> type, JourneyProjection projection, TransitionCache cache,
            FeedbackGraph noAnswers) {
        if (type == JourneyProjection.class) {
            return projection;
        }
        if (type == TransitionCache.class) {
            return cache;
        }
        if (type == FeedbackGraph.class) {
            return noAnswers;
        }
        throw new IllegalArgumentException("no profile argument of type " + type.getName());
    }

    /** A survey-answer store holding none: never written to by the profiles, so it needs no Neo4j behind it. */
    private static FeedbackGraph noAnswers() {
        JourneysProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("journeys", JourneysProperties.class);
        try {
            Constructor<FeedbackGraph> constructor = FeedbackGraph.class.getDeclaredConstructor(
                    Class.forName("com.journeyexplorer.graph.ResponseStore"),
                    Class.forName("com.journeyexplorer.graph.ImportJournal"), JourneysProperties.class);
            constructor.setAccessible(true);
            return constructor.newInstance(null, null, defaults);
        } catch (ReflectiveOperationException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
