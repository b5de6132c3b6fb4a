package com.journeyexplorer.api;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.analysis.attribution.Attribution;
import com.journeyexplorer.analysis.attribution.AttributionAccumulator;
import com.journeyexplorer.analysis.attribution.AttributionPath;
import com.journeyexplorer.analysis.attribution.MarkovAttribution;
import com.journeyexplorer.analysis.attribution.MarkovChain;
import com.journeyexplorer.analysis.attribution.SelectedAttribution;
import com.journeyexplorer.export.CleanNumbers;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of {@code GET /api/attribution}. */
@Schema(description = "Conversions and value credited to each label by one attribution model")
record AttributionAnswer(
        @Schema(description = "markov, first, last, linear, position or time-decay") String model,
        @Schema(description = "touchpoint, channel or stage (touchpoints of a group are credited under its name)")
        String level,
        @Schema(description = "Markov order (markov only)") Integer order,
        @Schema(description = "Half-life in days, in steps for untimed paths (time-decay only)") Double halfLifeDays,
        @Schema(description = "Repeated states merged (markov only)") Boolean collapseRepeats,
        @Schema(description = "Per label, most conversions first, at most 'limit' of them")
        List<AttributedLabel> labels,
        @Schema(description = "The labels left out by 'limit', summed (absent when every label is listed)")
        Other other,
        Totals totals,
        @Schema(description = "P(conversion) from (start) of the fitted chain (markov only; absent when no ended "
                + "journey is selected)")
        Double conversionProbability,
        @Schema(description = "The removal effect of the labels of 'remove' taken out together (markov only)")
        SetRemoval removal,
        @Schema(description = "Why there is nothing to attribute, when the selection has no purchase")
        String note) {

    /** The note when no journey of the store ends in a purchase: importing purchases is what helps. */
    static final String NO_PURCHASE = "No selected journey ends in a purchase, so there is nothing to attribute: "
            + "labels is empty for every model. Import purchase events (a type column with 'purchase', or "
            + "purchase=<touchpoint> on import) or widen the filters.";

    /** The note when the store has purchases but the filters select none of their journeys. */
    static final String NO_SELECTED_PURCHASE = "No selected journey ends in a purchase, so there is nothing to "
            + "attribute: labels is empty for every model. The store has journeys that end in a purchase: widen the "
            + "filters.";

    /** Key of whether any journey of a snapshot ends in a purchase, kept with the snapshot. */
    private static final Object STORE_HAS_PURCHASE = new Object();

    /**
     * Why a selection without purchase has nothing to attribute: the filters, when the store has purchases (asking to
     * import them would mislead), else the store. O(journeys) once per snapshot.
     */
    static String noPurchaseNote(JourneySnapshot snapshot) {
        boolean storeHasPurchase = snapshot.memo(STORE_HAS_PURCHASE, Boolean.class,
                () -> snapshot.journeys().stream().anyMatch(journey -> journey.outcome() == Outcome.PURCHASE));
        return storeHasPurchase ? NO_SELECTED_PURCHASE : NO_PURCHASE;
    }

    /**
     * Credit of one label; {@code removalEffect} = (P - P without it) / P, markov only; {@code competitor} true when
     * every touchpoint of the label is a competitor's (absent otherwise): its credit is what journeys that passed
     * through a rival and came back to buy owe that visit, not revenue of the rival's.
     */
    record AttributedLabel(String label, double conversions, double value, Double removalEffect, Boolean competitor) {
    }

    /**
     * The labels that {@code limit} left out, summed: the listed credits plus these equal {@link Totals}'s conversions
     * and value.
     */
    record Other(int labels, double conversions, double value) {

        /** The labels of {@code labels} after the first {@code limit}, summed; null when there are none. O(labels). */
        static Other after(List<AttributedLabel> labels, int limit) {
            if (labels.size() <= limit) {
                return null;
            }
            List<AttributedLabel> left = labels.subList(limit, labels.size());
            double conversions = 0;
            double value = 0;
            for (AttributedLabel label : left) {
                conversions += label.conversions();
                value += label.value();
            }
            return new Other(left.size(), conversions, value);
        }

        /** The first {@code limit} labels of {@code labels}, those that {@link #after} leaves listed. */
        static List<AttributedLabel> listed(List<AttributedLabel> labels, int limit) {
            return labels.size() <= limit ? labels : List.copyOf(labels.subList(0, limit));
        }
    }

    /**
     * Conversions and value shared out, and the journeys (weights counted) selected; for Markov, those its chain
     * counts, open journeys left out.
     */
    record Totals(long conversions, double value, long journeys) {
    }

    /** The labels removed together, their joint removal effect and P(conversion) without them. */
    record SetRemoval(List<String> labels, double removalEffect, double conversionProbabilityWithout) {
    }

    /**
     * Attribution of the journeys of {@code snapshot} that pass {@code selected}, each taken as
     * {@link AttributionPath#of} makes it (the path before its purchase, value = the record's total), counted in one
     * pass straight from the journeys' touchpoint arrays. Markov solves its chain once and once transposed for every
     * removal effect at order 1 (ADR 0007), plus a restricted solve per label at higher orders and one for
     * {@code remove}.
     *
     * @param remove labels to remove together (markov only; each must occur on the paths, else 404)
     */
    static AttributionAnswer of(JourneySnapshot snapshot, Predicate<Journey> selected, AttributionSettings settings,
            List<String> remove) {
        TouchpointLabels touchpointLabels = settings.labels(snapshot);
        SelectedAttribution selection = SelectedAttribution.of(snapshot, selected, settings.model(), touchpointLabels);
        Set<String> competitors = competitorLabels(snapshot, touchpointLabels);
        AttributionAccumulator accumulator = selection.accumulator();
        boolean markovModel = accumulator instanceof MarkovAttribution.ChainAccumulator;
        // the chain leaves open journeys out (they have not ended), so its totals do too: purchases / journeys is then
        // the chain's conversion probability
        long journeyCount = markovModel ? selection.journeys() - selection.open() : selection.journeys();
        long purchases = selection.purchases();
        String level = settings.level().name().toLowerCase(Locale.ROOT);
        if (purchases == 0) {
            // No chain to remove labels from, but a label the store does not have is still the caller's mistake.
            checkKnown(remove, touchpointLabels);
            return new AttributionAnswer(settings.name().label(), level, markovModel ? settings.order() : null,
                    markovModel ? null : settings.halfLifeIfTimeDecay(),
                    markovModel ? settings.collapseRepeats() : null, List.of(), null, new Totals(0, 0.0, journeyCount),
                    markovModel && journeyCount > 0 ? 0.0 : null, null, noPurchaseNote(snapshot));
        }
        if (accumulator instanceof MarkovAttribution.ChainAccumulator markov) {
            MarkovChain chain = markov.chain();
            Map<String, Double> effects = chain.removalEffects();
            Attribution attribution = MarkovAttribution.attribution(chain, effects);
            return new AttributionAnswer(settings.name().label(), level, settings.order(), null,
                    settings.collapseRepeats(), labels(attribution, effects, competitors), null,
                    totals(attribution, journeyCount), CleanNumbers.probability(chain.conversionProbability()),
                    removal(chain, remove), null);
        }
        Attribution attribution = accumulator.attribution();
        return new AttributionAnswer(settings.name().label(), level, null, settings.halfLifeIfTimeDecay(), null,
                labels(attribution, Map.of(), competitors), null, totals(attribution, journeyCount), null, null, null);
    }

    /**
     * This answer with at most {@code limit} labels, the first ones (most conversions), the others summed in
     * {@link #other}; unchanged when it has no more. O(labels).
     */
    AttributionAnswer limited(int limit) {
        if (labels.size() <= limit) {
            return this;
        }
        return new AttributionAnswer(model, level, order, halfLifeDays, collapseRepeats, Other.listed(labels, limit),
                Other.after(labels, limit), totals, conversionProbability, removal, note);
    }

    /**
     * The credits, most conversions first (ties by label), each with its removal effect if known and whether it is a
     * competitor's.
     */
    static List<AttributedLabel> labels(Attribution attribution, Map<String, Double> removalEffects,
            Set<String> competitors) {
        return attribution.credits().stream()
                .sorted(Comparator.comparingDouble((Attribution.Credit c) -> -c.conversions())
                        .thenComparing(Attribution.Credit::label))
                .map(c -> new AttributedLabel(c.label(), c.conversions(), c.value(),
                        CleanNumbers.probability(removalEffects.get(c.label())),
                        competitors.contains(c.label()) ? Boolean.TRUE : null))
                .toList();
    }

    /** The labels whose touchpoints are all competitors'; O(touchpoints). */
    static Set<String> competitorLabels(JourneySnapshot snapshot, TouchpointLabels labels) {
        boolean[] own = new boolean[labels.count()];
        boolean[] any = new boolean[labels.count()];
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            int label = labels.labelOf(touchpoint.id());
            any[label] = true;
            own[label] |= !touchpoint.isCompetitor();
        }
        Set<String> competitors = new java.util.HashSet<>();
        for (int label = 0; label < any.length; label++) {
            if (any[label] && !own[label]) {
                competitors.add(labels.name(label));
            }
        }
        return competitors;
    }

    static Totals totals(Attribution attribution, long journeys) {
        return new Totals(attribution.totalConversions(), attribution.totalValue(), journeys);
    }

    /** Throws {@link NotFoundException} for the first label of {@code remove} that no touchpoint has. */
    private static void checkKnown(List<String> remove, TouchpointLabels touchpointLabels) {
        if (remove.isEmpty()) {
            return;
        }
        Set<String> known = new TreeSet<>();
        for (int label = 0; label < touchpointLabels.count(); label++) {
            known.add(touchpointLabels.name(label));
        }
        for (String label : new TreeSet<>(remove)) {
            if (!known.contains(label)) {
                throw new NotFoundException("label", label, "remove", List.copyOf(known));
            }
        }
    }

    private static SetRemoval removal(MarkovChain chain, List<String> remove) {
        if (remove.isEmpty()) {
            return null;
        }
        Set<String> labels = new TreeSet<>(remove);
        for (String label : labels) {
            if (!chain.labels().contains(label)) {
                throw new NotFoundException("label", label, "remove", chain.labels());
            }
        }
        return new SetRemoval(List.copyOf(labels), CleanNumbers.probability(chain.removalEffect(labels)),
                CleanNumbers.probability(chain.conversionProbabilityWithout(labels)));
    }
}
