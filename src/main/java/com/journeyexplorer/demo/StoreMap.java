package com.journeyexplorer.demo;

import static com.journeyexplorer.demo.StoreTouchpoint.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where customers go next from each touchpoint before a purchase, as relative weights for an average customer.
 * {@code leave} is the weight of ending the journey there: abandonment at our touchpoints, diversion at a
 * competitor's. Personas and the influencer effect reweight these in {@link TransitionTables}.
 *
 * <p>Two of the planted stories live here: checkout's shipping costs have the heaviest {@code leave} of any busy page,
 * and the slow support email sends customers to competitors more often than any other page.
 */
final class StoreMap {

    /** One possible next step; {@code to == null} means the journey ends. */
    record Step(StoreTouchpoint to, double weight) {
    }

    static final Map<StoreTouchpoint, List<Step>> NEXT = build();

    private StoreMap() {
    }

    private static Map<StoreTouchpoint, List<Step>> build() {
        Map<StoreTouchpoint, List<Step>> next = new EnumMap<>(StoreTouchpoint.class);
        from(next, INSTAGRAM_AD, 30, PRODUCT_PAGE, 35, APP_PRODUCT_PAGE, 15, HOME_PAGE, 10, INFLUENCER_POST, 6,
                TIKTOK_VIDEO, 4);
        from(next, TIKTOK_VIDEO, 34, PRODUCT_PAGE, 25, APP_PRODUCT_PAGE, 20, INFLUENCER_POST, 6, INSTAGRAM_AD, 5,
                GOOGLE_SEARCH, 10);
        from(next, INFLUENCER_POST, 34, PRODUCT_PAGE, 30, APP_PRODUCT_PAGE, 18, HOME_PAGE, 8, GOOGLE_SEARCH, 10,
                TIKTOK_VIDEO, 8);
        from(next, FACEBOOK_GROUP, 40, PRODUCT_PAGE, 25, PRICE_COMPARISON, 15, REVIEWS, 10, INFLUENCER_POST, 4,
                COMPETITOR_B, 6);
        from(next, TV_SPOT, 18, GOOGLE_SEARCH, 35, HOME_PAGE, 20, PRODUCT_PAGE, 20, STORE_VISIT, 10);
        from(next, RADIO_AD, 22, GOOGLE_SEARCH, 35, HOME_PAGE, 20, PRODUCT_PAGE, 15, STORE_VISIT, 10);
        from(next, PRESS_ARTICLE, 26, HOME_PAGE, 25, GOOGLE_SEARCH, 20, PRODUCT_PAGE, 20, REVIEWS, 10);
        from(next, POP_UP_EVENT, 35, APP_PRODUCT_PAGE, 20, INSTAGRAM_AD, 10, PRODUCT_PAGE, 20, STORE_VISIT, 15);
        from(next, HOME_PAGE, 22, CATEGORY_PAGE, 40, PRODUCT_PAGE, 25, SUPPORT_CHAT, 3, STORE_VISIT, 2,
                GOOGLE_SEARCH, 3);
        from(next, GOOGLE_SEARCH, 13, PRODUCT_PAGE, 30, CATEGORY_PAGE, 20, HOME_PAGE, 10, PRICE_COMPARISON, 12,
                COMPETITOR_A, 10, REVIEWS, 5);
        from(next, PRICE_COMPARISON, 17, PRODUCT_PAGE, 40, COMPETITOR_B, 12, COMPETITOR_A, 8);
        from(next, CATEGORY_PAGE, 20, PRODUCT_PAGE, 60, PRICE_COMPARISON, 5, HOME_PAGE, 5);
        from(next, PRODUCT_PAGE, 10, CART, 34, REVIEWS, 12, SIZE_GUIDE, 10, PRICE_COMPARISON, 7,
                SUPPORT_EMAIL_SLOW, 7, SUPPORT_CHAT, 4, CATEGORY_PAGE, 5, COMPETITOR_A, 4, STORE_VISIT, 2);
        from(next, REVIEWS, 20, PRODUCT_PAGE, 30, CART, 25, COMPETITOR_A, 5);
        from(next, SIZE_GUIDE, 20, PRODUCT_PAGE, 20, CART, 30, SUPPORT_EMAIL_SLOW, 10, SUPPORT_CHAT, 10);
        from(next, APP_PRODUCT_PAGE, 25, APP_CART, 35, REVIEWS, 10, PRODUCT_PAGE, 5, COMPETITOR_B, 5,
                SUPPORT_CHAT, 5);
        from(next, SUPPORT_CHAT, 20, PRODUCT_PAGE, 35, CART, 25, COMPETITOR_A, 5, STORE_VISIT, 5);
        from(next, SUPPORT_EMAIL_SLOW, 12, COMPETITOR_A, 50, COMPETITOR_B, 15, PRODUCT_PAGE, 15, CART, 10);
        from(next, STORE_VISIT, 22, PRODUCT_PAGE, 30, APP_PRODUCT_PAGE, 20, GOOGLE_SEARCH, 10, COMPETITOR_A, 10);
        from(next, CART, 12, CHECKOUT_SHIPPING, 64, PRODUCT_PAGE, 8, ABANDONED_CART_EMAIL, 8, PRICE_COMPARISON, 5,
                SUPPORT_EMAIL_SLOW, 3);
        from(next, APP_CART, 17, CHECKOUT_SHIPPING, 65, APP_PRODUCT_PAGE, 10, ABANDONED_CART_EMAIL, 8);
        from(next, CHECKOUT_SHIPPING, 46, CHECKOUT_PAYMENT, 48, ABANDONED_CART_EMAIL, 6, PRICE_COMPARISON, 5,
                COMPETITOR_B, 3, SUPPORT_EMAIL_SLOW, 3);
        from(next, CHECKOUT_PAYMENT, 5, ORDER_CONFIRMATION, 92, SUPPORT_CHAT, 6);
        from(next, ABANDONED_CART_EMAIL, 22, CART, 45, PRODUCT_PAGE, 10, COMPETITOR_B, 10);
        from(next, NEWSLETTER, 30, PRODUCT_PAGE, 40, APP_PRODUCT_PAGE, 15, CATEGORY_PAGE, 15);
        from(next, COMPETITOR_A, 55, PRODUCT_PAGE, 15, PRICE_COMPARISON, 10, GOOGLE_SEARCH, 10);
        from(next, COMPETITOR_B, 55, PRICE_COMPARISON, 10, PRODUCT_PAGE, 15, APP_PRODUCT_PAGE, 10);
        // Reached only after a purchase (see JourneyWalker): they never lead back into the funnel.
        for (StoreTouchpoint afterPurchase : List.of(ORDER_CONFIRMATION, POST_PURCHASE_SURVEY, REVIEW_WRITTEN,
                REFERRAL_SHARED)) {
            from(next, afterPurchase, 1);
        }
        return Collections.unmodifiableMap(next);
    }

    /** {@code targetsAndWeights} alternates a touchpoint and its weight. */
    private static void from(Map<StoreTouchpoint, List<Step>> next, StoreTouchpoint from, double leave,
            Object... targetsAndWeights) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(null, leave));
        for (int i = 0; i < targetsAndWeights.length; i += 2) {
            steps.add(new Step((StoreTouchpoint) targetsAndWeights[i], ((Number) targetsAndWeights[i + 1]).doubleValue()));
        }
        if (next.put(from, List.copyOf(steps)) != null) {
            throw new IllegalStateException("duplicate row for " + from);
        }
    }
}
