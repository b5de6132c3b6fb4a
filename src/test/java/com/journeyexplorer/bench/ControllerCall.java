package com.journeyexplorer.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

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
        boolean cached = target[0].equals("TransitionsController");
        TransitionCache shared = new TransitionCache();
        boolean fresh = !Boolean.parseBoolean(System.getProperty("profile.transitionCache", "true"));
        Constructor<?> constructor = cached
                ? type.getDeclaredConstructor(JourneyProjection.class, TransitionCache.class)
                : type.getDeclaredConstructor(JourneyProjection.class);
        constructor.setAccessible(true);
        if (name != null) {
            Method method = type.getDeclaredMethod(target[1], String.class, MultiValueMap.class);
            method.setAccessible(true);
            String touchpoint = name;
            return () -> method.invoke(constructor.newInstance(projection), touchpoint, parameters);
        }
        Method method = type.getDeclaredMethod(target[1], MultiValueMap.class);
        method.setAccessible(true);
        return () -> method.invoke(cached ? constructor.newInstance(projection, fresh ? new TransitionCache() : shared)
                : constructor.newInstance(projection), parameters);
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
