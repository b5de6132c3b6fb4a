package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.compare.SegmentComparison;
import com.journeyexplorer.analysis.stats.Proportions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.PathShaping.Group;
import com.journeyexplorer.analysis.PathShaping.Level;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The models counted straight from journeys' touchpoint arrays ({@link AttributionModel#accumulator},
 * {@link MarkovChain#fit(TouchpointLabels, Iterable, int, boolean)}) against the paths of
 * {@link AttributionPath#of} and a literal computation on those paths, on seeded random journeys, under every kind of
 * label: touchpoint, channel and stage (each falling back to the name), and groups.
 */
class JourneyCountingTests {

    private static final byte T = EventType.TOUCHPOINT.code();
    private static final byte P = EventType.PURCHASE.code();
    private static final int PURCHASE_TOUCHPOINT = 8;

    private static final List<Touchpoint> TOUCHPOINTS = List.of(
            new Touchpoint(0, "search", "paid", "awareness", Owner.OWN),
            new Touchpoint(1, "display", "paid", "awareness", Owner.OWN),
            new Touchpoint(2, "home", "web", "consideration", Owner.OWN),
            new Touchpoint(3, "product", "web", "consideration", Owner.OWN),
            new Touchpoint(4, "cart", "web", "purchase", Owner.OWN), new Touchpoint(5, "email", "crm", "", Owner.OWN),
            new Touchpoint(6, "store", "", "loyalty", Owner.OWN), new Touchpoint(7, "rival", "", "", Owner.COMPETITOR),
            new Touchpoint(PURCHASE_TOUCHPOINT, "order", "web", "purchase", Owner.OWN));

    private static final PathShaping CHANNELS = new PathShaping(Level.CHANNEL, false, null, null);

    /**
     * Every kind of label: the three levels, groups over stages (the rest by stage), and a group named like a
     * touchpoint, which merges the two into one label.
     */
    private static final List<PathShaping> SHAPINGS = List.of(PathShaping.touchpoints(),
            CHANNELS, new PathShaping(Level.STAGE, false, null, null),
            new PathShaping(Level.STAGE, false, null, List.of(new Group("ads", Pattern.compile("search|display")),
                    new Group("site", Pattern.compile("home|product|cart")))),
            new PathShaping(Level.TOUCHPOINT, false, null, List.of(new Group("email", Pattern.compile("store")))));

    /**
     * Random journeys: 1 to {@code maxLength} steps (repeats likely), a third with a purchase at a random step (first
     * step included), weights 1-5, values mostly money amounts but some tiny, huge, zero or negative; timed or
     * untimed.
     */
    private static List<Journey> randomJourneys(long seed, int count, int maxLength) {
        Random random = new Random(seed);
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            int length = 1 + random.nextInt(maxLength);
            int[] steps = new int[length];
            byte[] types = new byte[length];
            for (int i = 0; i < length; i++) {
                steps[i] = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(PURCHASE_TOUCHPOINT);
                types[i] = T;
            }
            boolean bought = random.nextInt(3) == 0;
            int purchaseIndex = bought ? random.nextInt(length) : -1;
            if (bought) {
                steps[purchaseIndex] = PURCHASE_TOUCHPOINT;
                types[purchaseIndex] = P;
            }
            long[] times = new long[random.nextBoolean() ? length : 0];
            for (int i = 0; i < times.length; i++) {
                times[i] = (i == 0 ? 1_700_000_000_000L : times[i - 1]) + random.nextInt(5 * 86_400_000);
            }
            double value = switch (random.nextInt(10)) {
                case 0 -> 1e-7 * random.nextDouble();
                case 1 -> 1e15 * random.nextDouble();
                case 2 -> 0;
                case 3 -> -5;
                default -> Math.round(random.nextDouble() * 20_000) / 100.0;
            };
            Outcome outcome = bought ? Outcome.PURCHASE : steps[length - 1] == 7 ? Outcome.DIVERTED
                    : Outcome.ABANDONED;
            journeys.add(new Journey("j" + j, null, steps, times, types, null, outcome, purchaseIndex,
                    bought ? value : 0, 1 + random.nextInt(5), null, null, null));
        }
        return journeys;
    }

    private static List<AttributionPath> paths(JourneySnapshot snapshot, List<Journey> journeys,
            PathShaping shaping) {
        TouchpointLabels labels = TouchpointLabels.of(snapshot, shaping);
        return journeys.stream().map(journey -> AttributionPath.of(journey, labels)).toList();
    }

    private static List<AttributionModel> models() {
        List<AttributionModel> models = new ArrayList<>(List.of(new FirstTouch(), new LastTouch(), new LinearTouch(),
                new PositionBased(), new TimeDecay(2)));
        for (int order = 1; order <= MarkovChain.MAX_ORDER; order++) {
            models.add(new MarkovAttribution(order, false));
            models.add(new MarkovAttribution(order, true));
        }
        return models;
    }

    @Test
    void journeysGiveBitwiseTheAttributionOfTheirPathsInAnyOrder() {
        List<Journey> journeys = randomJourneys(11, 2_000, 8);
        List<Journey> shuffled = new ArrayList<>(journeys);
        Collections.shuffle(shuffled, new Random(5));
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, journeys, 1);
        for (PathShaping shaping : SHAPINGS) {
            List<AttributionPath> paths = paths(snapshot, journeys, shaping);
            TouchpointLabels labels = TouchpointLabels.of(snapshot, shaping);
            for (AttributionModel model : models()) {
                Attribution expected = model.attribute(paths);
                assertThat(model.attribute(labels, journeys)).as(model.name() + " " + shaping).isEqualTo(expected);
                assertThat(model.attribute(labels, shuffled)).as(model.name() + " " + shaping).isEqualTo(expected);
            }
        }
    }

    @Test
    void heuristicModelsMatchALiteralComputationOnJourneys() {
        List<Journey> journeys = randomJourneys(12, 2_000, 8);
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, journeys, 1);
        for (PathShaping shaping : SHAPINGS) {
            List<AttributionPath> paths = paths(snapshot, journeys, shaping);
            for (PositionalModel model : List.of(new FirstTouch(), new LastTouch(), new LinearTouch(),
                    new PositionBased())) {
                Map<String, double[]> literal = new TreeMap<>();
                long conversions = 0;
                BigDecimal value = BigDecimal.ZERO;
                for (AttributionPath path : paths) {
                    if (!path.converted()) {
                        continue;
                    }
                    conversions += path.weight();
                    value = value.add(new BigDecimal(path.conversionValue()));
                    int n = path.length();
                    for (int i = 0; i < n; i++) {
                        double share = literalShare(model, i, n);
                        if (share != 0) {
                            double[] sum = literal.computeIfAbsent(path.steps()[i], label -> new double[2]);
                            sum[0] += path.weight() * share;
                            sum[1] += path.conversionValue() * share;
                        }
                    }
                }
                Attribution attribution = model.attribute(TouchpointLabels.of(snapshot, shaping), journeys);
                assertThat(attribution.totalConversions()).isEqualTo(conversions);
                assertThat(attribution.totalValue()).isEqualTo(value.doubleValue());
                assertThat(attribution.credits()).extracting(Attribution.Credit::label)
                        .containsExactlyElementsOf(literal.keySet());
                literal.forEach((label, sums) -> {
                    assertThat(attribution.conversions(label)).as(model.name() + " " + label)
                            .isCloseTo(sums[0], within(1e-9 * Math.max(1, sums[0])));
                    assertThat(attribution.value(label)).as(model.name() + " " + label)
                            .isCloseTo(sums[1], within(1e-9 * Math.max(1, sums[1])));
                });
            }
        }
    }

    @Test
    void timeDecayMatchesALiteralComputationOnJourneys() {
        List<Journey> journeys = randomJourneys(14, 2_000, 8);
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, journeys, 1);
        double halfLifeDays = 2;
        for (PathShaping shaping : SHAPINGS) {
            Map<String, double[]> literal = new TreeMap<>();
            for (AttributionPath path : paths(snapshot, journeys, shaping)) {
                if (!path.converted()) {
                    continue;
                }
                // 2^(-(tConversion - tStep) / halfLife), in days, or in steps from the last one when untimed
                int n = path.length();
                double[] weights = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double age = path.isTimed()
                            ? (path.conversionTime() - path.stepTimes()[i]) / 86_400_000.0 : n - 1 - i;
                    weights[i] = Math.pow(2, -age / halfLifeDays);
                    sum += weights[i];
                }
                for (int i = 0; i < n; i++) {
                    double[] credit = literal.computeIfAbsent(path.steps()[i], label -> new double[2]);
                    credit[0] += path.weight() * weights[i] / sum;
                    credit[1] += path.conversionValue() * weights[i] / sum;
                }
            }
            Attribution attribution = new TimeDecay(halfLifeDays)
                    .attribute(TouchpointLabels.of(snapshot, shaping), journeys);
            assertThat(attribution.credits()).extracting(Attribution.Credit::label)
                    .containsExactlyElementsOf(literal.keySet());
            literal.forEach((label, sums) -> {
                assertThat(attribution.conversions(label)).as(label)
                        .isCloseTo(sums[0], within(1e-9 * Math.max(1, sums[0])));
                assertThat(attribution.value(label)).as(label)
                        .isCloseTo(sums[1], within(1e-9 * Math.max(1, sums[1])));
            });
        }
    }

    /** The shares as the models' documentation states them. */
    private static double literalShare(AttributionModel model, int step, int n) {
        return switch (model.name()) {
            case FirstTouch.NAME -> step == 0 ? 1 : 0;
            case LastTouch.NAME -> step == n - 1 ? 1 : 0;
            case LinearTouch.NAME -> 1.0 / n;
            default -> n == 1 ? 1 : n == 2 ? 0.5 : step == 0 || step == n - 1 ? 0.4 : 0.2 / (n - 2);
        };
    }

    @Test
    void markovChainOfJourneysHasTheLiteralTransitionCounts() {
        List<Journey> journeys = randomJourneys(13, 2_000, 8);
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, journeys, 1);
        for (PathShaping shaping : SHAPINGS) {
            List<AttributionPath> paths = paths(snapshot, journeys, shaping);
            for (int order = 1; order <= MarkovChain.MAX_ORDER; order++) {
                for (boolean collapse : new boolean[] {false, true}) {
                    MarkovChain chain = MarkovChain.fit(TouchpointLabels.of(snapshot, shaping), journeys, order,
                            collapse);
                    assertThat(counts(chain)).as("order " + order + " collapse " + collapse + " " + shaping)
                            .isEqualTo(literalCounts(paths, order, collapse));
                    assertThat(chain.labels()).isEqualTo(paths.stream().flatMap(p -> List.of(p.steps()).stream())
                            .distinct().sorted().toList());
                    assertThat(chain.totalConversions())
                            .isEqualTo(paths.stream().mapToLong(AttributionPath::conversions).sum());
                }
            }
        }
    }

    @Test
    void firstOrderChainOverManyLabelsIsCountedSparselyAlike() {
        Random random = new Random(17);
        List<AttributionPath> paths = new ArrayList<>();
        for (int p = 0; p < 3_000; p++) {
            String[] steps = new String[1 + random.nextInt(5)];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = "label-" + random.nextInt(ChainCounts.DENSE_LABELS + 200);
            }
            boolean converted = random.nextInt(4) == 0;
            paths.add(AttributionPath.untimed(steps, converted, converted ? 1 : 0, 1 + random.nextInt(3)));
        }
        for (boolean collapse : new boolean[] {false, true}) {
            MarkovChain chain = MarkovChain.fit(paths, 1, collapse);
            assertThat(chain.labels()).hasSizeGreaterThan(ChainCounts.DENSE_LABELS);
            assertThat(counts(chain)).isEqualTo(literalCounts(paths, 1, collapse));
        }
    }

    private static Map<String, Long> counts(MarkovChain chain) {
        return chain.transitions().stream().collect(Collectors.toMap(t -> t.from() + " -> " + t.to(),
                MarkovChain.Transition::count));
    }

    /**
     * Transition counts by the definition of {@link MarkovChain}, states named by their labels joined with ",";
     * collapsing merges repeated labels before the windows are formed.
     */
    private static Map<String, Long> literalCounts(List<AttributionPath> paths, int order, boolean collapse) {
        Map<String, Long> counts = new TreeMap<>();
        for (AttributionPath path : paths) {
            List<String> steps = new ArrayList<>();
            for (String step : path.steps()) {
                if (!collapse || steps.isEmpty() || !steps.get(steps.size() - 1).equals(step)) {
                    steps.add(step);
                }
            }
            int width = Math.min(order, steps.size());
            String previous = MarkovChain.START;
            for (int i = 0; i + width <= steps.size(); i++) {
                String state = String.join(",", steps.subList(i, i + width));
                counts.merge(previous + " -> " + state, path.weight(), Long::sum);
                previous = state;
            }
            counts.merge(previous + " -> " + (path.converted() ? MarkovChain.CONVERSION : MarkovChain.NULL),
                    path.weight(), Long::sum);
        }
        return counts;
    }

    @Test
    void segmentComparisonMatchesAStraightforwardComputation() {
        // up to 20 steps: variants of more than 15 (of 4 bits each) are not packed in a long
        List<Journey> journeys = randomJourneys(19, 3_000, 20);
        assertComparisonIsStraightforward(new JourneySnapshot(TOUCHPOINTS, journeys, 1), journeys);
    }

    @Test
    void segmentComparisonOverManyTouchpointsCountsTransitionsSparselyAlike() {
        // more than 1020 touchpoints: the node x node matrix would exceed its limit
        List<Touchpoint> touchpoints = new ArrayList<>(TOUCHPOINTS);
        for (int id = touchpoints.size(); id < 1_100; id++) {
            touchpoints.add(new Touchpoint(id, "page " + id, "web", "", Owner.OWN));
        }
        Random random = new Random(29);
        List<Journey> journeys = new ArrayList<>();
        for (Journey journey : randomJourneys(31, 2_000, 6)) {
            int[] steps = journey.steps().clone();
            for (int i = 0; i < steps.length; i++) {
                if (steps[i] != PURCHASE_TOUCHPOINT && random.nextBoolean()) {
                    steps[i] = TOUCHPOINTS.size() + random.nextInt(1_100 - TOUCHPOINTS.size());
                }
            }
            journeys.add(new Journey(journey.id(), null, steps, journey.times(), journey.types(), null,
                    journey.outcome(), journey.purchaseIndex(), journey.value(), journey.weight(), null, null, null));
        }
        assertComparisonIsStraightforward(new JourneySnapshot(touchpoints, journeys, 1), journeys);
    }

    private static void assertComparisonIsStraightforward(JourneySnapshot snapshot, List<Journey> journeys) {
        java.util.function.Predicate<Journey> a = journey -> journey.steps()[0] < 4;
        java.util.function.Predicate<Journey> b = journey -> journey.length() > 2; // overlaps a
        List<Journey> listA = journeys.stream().filter(a).toList();
        List<Journey> listB = journeys.stream().filter(b).toList();
        TouchpointLabels channels = TouchpointLabels.of(snapshot, CHANNELS);
        for (int limit : new int[] {0, 3, 10, 100_000}) {
            SegmentComparison.Result result = SegmentComparison.compare(snapshot, a, b, new LinearTouch(),
                    channels, 0.9, limit);
            assertThat(SegmentComparison.compare(snapshot, listA, listB, new LinearTouch(), channels, 0.9,
                    limit)).isEqualTo(result);
            long totalA = listA.stream().mapToLong(Journey::weight).sum();
            long totalB = listB.stream().mapToLong(Journey::weight).sum();
            assertThat(result.journeysA()).isEqualTo(totalA);
            assertThat(result.variants()).isEqualTo(literalDifferences(variantCounts(snapshot, listA),
                    variantCounts(snapshot, listB), nodes -> String.join(" > ", nodes.subList(0, nodes.size() - 1))
                            + " → " + nodes.get(nodes.size() - 1), totalA, totalB, 0.9, limit));
            assertThat(result.transitions()).isEqualTo(literalDifferences(transitionCounts(snapshot, listA),
                    transitionCounts(snapshot, listB), nodes -> nodes.get(0) + " → " + nodes.get(1), totalA, totalB,
                    0.9, limit));
            assertThat(result.attributionA()).isEqualTo(new LinearTouch().attribute(paths(snapshot, listA,
                    CHANNELS)));
        }
    }

    /** Journeys per variant, identified by its nodes: its steps, then its outcome node. */
    private static Map<List<String>, Long> variantCounts(JourneySnapshot snapshot, List<Journey> journeys) {
        Map<List<String>, Long> counts = new java.util.HashMap<>();
        for (Journey journey : journeys) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < journey.pathLength(); i++) {
                names.add(snapshot.touchpoint(journey.steps()[i]).name());
            }
            names.add(journey.outcome().nodeName());
            counts.merge(List.copyOf(names), (long) journey.weight(), Long::sum);
        }
        return counts;
    }

    /** Journeys making each transition, identified by its source and target. */
    private static Map<List<String>, Long> transitionCounts(JourneySnapshot snapshot, List<Journey> journeys) {
        Map<List<String>, Long> counts = new java.util.HashMap<>();
        for (Journey journey : journeys) {
            java.util.Set<List<String>> made = new java.util.HashSet<>();
            String previous = "(start)";
            for (int i = 0; i <= journey.pathLength(); i++) {
                String next = i < journey.pathLength() ? snapshot.touchpoint(journey.steps()[i]).name()
                        : journey.outcome().nodeName();
                made.add(List.of(previous, next));
                previous = next;
            }
            made.forEach(transition -> counts.merge(transition, (long) journey.weight(), Long::sum));
        }
        return counts;
    }

    /** Every key compared, BH by the textbook sort of (p-value, index), sorted by |difference|, name, then nodes. */
    private static List<SegmentComparison.ShareDifference> literalDifferences(Map<List<String>, Long> countsA,
            Map<List<String>, Long> countsB, java.util.function.Function<List<String>, String> name, long totalA,
            long totalB, double confidence, int limit) {
        java.util.Set<List<String>> keys = new java.util.HashSet<>(countsA.keySet());
        keys.addAll(countsB.keySet());
        List<List<String>> ordered = List.copyOf(keys);
        int m = ordered.size();
        List<Proportions.Comparison> comparisons = new ArrayList<>();
        for (List<String> key : ordered) {
            comparisons.add(Proportions.compare(countsA.getOrDefault(key, 0L), totalA, countsB.getOrDefault(key, 0L),
                    totalB, confidence));
        }
        List<Integer> byP = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            byP.add(i);
        }
        byP.sort(java.util.Comparator.comparingDouble((Integer i) -> comparisons.get(i).pValue())
                .thenComparingInt(i -> i));
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = byP.get(rank - 1);
            running = Math.min(running, comparisons.get(i).pValue() * m / rank);
            adjusted[i] = running;
        }
        List<SegmentComparison.ShareDifference> all = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            List<String> key = ordered.get(i);
            all.add(new SegmentComparison.ShareDifference(name.apply(key), key, countsA.getOrDefault(key, 0L),
                    countsB.getOrDefault(key, 0L), comparisons.get(i), adjusted[i]));
        }
        all.sort(java.util.Comparator.comparingDouble((SegmentComparison.ShareDifference d) -> {
            double difference = d.comparison().difference();
            return -Math.abs(Double.isNaN(difference) ? 0 : difference);
        }).thenComparing(SegmentComparison.ShareDifference::key)
                .thenComparing(d -> String.join("\u0000", d.nodes())));
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Test
    void exactSumIsTheRoundedExactSumInAnyOrder() {
        Random random = new Random(23);
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            terms.add(switch (random.nextInt(6)) {
                case 0 -> Double.MIN_VALUE * random.nextInt(1000);
                case 1 -> 1e-9 * random.nextDouble();
                case 2 -> 1e17 * random.nextDouble();
                case 3 -> Math.scalb(1.0, 40) * (1 + random.nextDouble());
                default -> random.nextDouble() * 1000;
            });
        }
        BigDecimal exact = BigDecimal.ZERO;
        for (double term : terms) {
            exact = exact.add(new BigDecimal(term));
        }
        for (int round = 0; round < 3; round++) {
            Collections.shuffle(terms, new Random(round));
            ExactSum sum = new ExactSum();
            terms.forEach(sum::add);
            assertThat(sum.value()).isEqualTo(exact.doubleValue());
        }
        // the 128-bit part overflowing into the exact remainder
        double term = Math.scalb(1.9, 40) + 0.25;
        ExactSum large = new ExactSum();
        for (int i = 0; i < 5_000_000; i++) {
            large.add(term);
        }
        assertThat(large.value()).isEqualTo(new BigDecimal(term).multiply(BigDecimal.valueOf(5_000_000))
                .doubleValue());
        assertThat(new ExactSum().value()).isZero();
    }

    @Test
    void selectedAttributionCountsJourneysAndPurchasesBesideTheModel() {
        List<Journey> journeys = randomJourneys(11, 300, 6);
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, journeys, 1);
        java.util.function.Predicate<Journey> selected = journey -> journey.weight() > 2;
        List<Journey> chosen = journeys.stream().filter(selected).toList();

        SelectedAttribution attribution = SelectedAttribution.of(snapshot, selected, new LastTouch(),
                TouchpointLabels.of(snapshot, PathShaping.touchpoints()));

        assertThat(attribution.journeys()).isEqualTo(chosen.stream().mapToLong(Journey::weight).sum());
        assertThat(attribution.purchases()).isEqualTo(chosen.stream()
                .filter(journey -> journey.outcome() == Outcome.PURCHASE).mapToLong(Journey::weight).sum())
                .isPositive();
        assertThat(attribution.accumulator().attribution())
                .isEqualTo(new LastTouch().attribute(TouchpointLabels.of(snapshot, PathShaping.touchpoints()), chosen));
    }
}
