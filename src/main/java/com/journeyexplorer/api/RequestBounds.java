package com.journeyexplorer.api;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.journeyexplorer.analysis.WorkBudget;
import com.journeyexplorer.config.JourneysProperties;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bounds every heavy request: the analysis and export GETs under {@code /api/}, {@code POST /api/cypher} and
 * {@code POST /api/predict}. At most
 * {@code journeys.analysis.max-concurrent} run at once (so one client cannot keep every core busy); a request beyond
 * that waits up to {@code queue-wait} for a turn and then gets a 429 problem with {@code Retry-After}; while the
 * answers already computed wait for slow clients beyond their limit ({@link PendingAnswers}), one is refused at once
 * with a 503 problem. Each analysis
 * computes under a {@link WorkBudget} of {@code time-budget} and is stopped with a 503 problem naming the parameters
 * that would narrow it. At shutdown running analyses are stopped first, so a graceful shutdown does not wait for them.
 *
 * <p>The status call {@code GET /api/stats} and the other look-ups of {@link GraphReadController} (the touchpoints with
 * their counts, one journey by id: at most one pass over the journeys, an answer bounded by the touchpoints or one
 * journey's steps) have turns of their own, {@value #STATUS_TURNS}, so that a monitor, or the page asking how much
 * data there is or showing a journey, never waits behind long analyses, while a burst of such calls stays bounded all
 * the same.
 */
@Configuration(proxyBeanMethods = false)
class RequestBounds implements WebMvcConfigurer, HandlerInterceptor, SmartLifecycle {

    private static final String PERMIT = RequestBounds.class.getName() + ".permit";
    private static final String SCOPE = RequestBounds.class.getName() + ".scope";
    private static final String DEFAULT_HINT = "a narrower selection (from/to, segment, channel, device, outcome) or "
            + "coarser labels (level=channel or group=Name:regex)";
    /** Endpoint-specific parameters that shrink the work, by path prefix. */
    private static final Map<String, String> HINTS = Map.of(
            "/api/attribution", "order=1, level=channel or group=Name:regex, or a narrower selection (from/to, segment)",
            "/api/paths/likely", "a smaller k or maxSteps, level=channel or group=Name:regex",
            "/api/insights/moments", "level=channel or group=Name:regex, or a narrower selection (from/to, segment)",
            "/api/compare", "narrower selections a and b (from/to, segment), or level=channel");

    private final JourneysProperties.Analysis settings;
    /** The turns reserved for {@code GET /api/stats} and the other look-ups, beside the analyses' own. */
    static final int STATUS_TURNS = 2;

    private final Semaphore permits;
    private final Semaphore statusPermits = new Semaphore(STATUS_TURNS, true);
    private final PendingAnswers pending;
    private volatile boolean running;

    RequestBounds(JourneysProperties properties, PendingAnswers pending) {
        this.settings = properties.analysis();
        this.pending = pending;
        this.permits = new Semaphore(settings.concurrency(), true);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if (!isHeavy(request)) {
            return true;
        }
        pending.checkRoom();
        Semaphore turns = isLookup(handler) ? statusPermits : permits;
        if (!turns.tryAcquire(settings.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
            throw turns == statusPermits ? TooManyRequestsException.status(STATUS_TURNS, retryAfterSeconds())
                    : new TooManyRequestsException(settings.concurrency(), retryAfterSeconds());
        }
        request.setAttribute(PERMIT, turns);
        if (!"/api/cypher".equals(path(request))) {
            // Cypher has its own time limit inside Neo4j; the budget is for the analyses computed here.
            request.setAttribute(SCOPE, WorkBudget.start(settings.timeBudget(), hint(path(request))));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (request.getAttribute(SCOPE) instanceof WorkBudget.Scope scope) {
            scope.close();
            request.removeAttribute(SCOPE);
        }
        if (request.getAttribute(PERMIT) instanceof Semaphore turns) {
            request.removeAttribute(PERMIT);
            turns.release();
        }
    }

    /** Analyses and exports (every GET under /api/ but the import status) and the Cypher endpoint. */
    private static boolean isHeavy(HttpServletRequest request) {
        String path = path(request);
        if (HttpMethod.POST.matches(request.getMethod())) {
            return "/api/cypher".equals(path) || "/api/predict".equals(path);
        }
        boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        return read && !path.startsWith("/api/imports");
    }

    /** The status call and the other look-ups, answered in turns of their own. */
    private static boolean isLookup(Object handler) {
        return handler instanceof HandlerMethod method && method.getBeanType() == GraphReadController.class;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static String hint(String path) {
        return HINTS.entrySet().stream().filter(entry -> path.startsWith(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(DEFAULT_HINT);
    }

    private long retryAfterSeconds() {
        return Math.max(1, Math.min(60, settings.queueWait().toSeconds()));
    }

    // Lifecycle: stop running analyses before the web server's graceful shutdown waits for the requests.

    @Override
    public void start() {
        WorkBudget.resume();
        running = true;
    }

    @Override
    public void stop() {
        WorkBudget.stopAll();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stopped first: lifecycles stop in descending phase order, the web server's graceful shutdown later.
        return Integer.MAX_VALUE;
    }
}
