package com.journeyexplorer.demo;

/** The simulated store's touchpoints: our own across channels, and two competitors. */
enum StoreTouchpoint {
    INSTAGRAM_AD("Instagram ad", "social", "awareness"),
    TIKTOK_VIDEO("TikTok video", "social", "awareness"),
    INFLUENCER_POST("Influencer post", "social", "awareness"),
    FACEBOOK_GROUP("Facebook group", "social", "awareness"),
    TV_SPOT("TV spot", "tv_radio", "awareness"),
    RADIO_AD("Radio ad", "tv_radio", "awareness"),
    PRESS_ARTICLE("Press article", "press", "awareness"),
    POP_UP_EVENT("Pop-up event", "events", "awareness"),
    HOME_PAGE("Home page", "website", "awareness"),
    GOOGLE_SEARCH("Google search", "search", "consideration"),
    PRICE_COMPARISON("Price comparison", "search", "consideration"),
    CATEGORY_PAGE("Category page", "website", "consideration"),
    PRODUCT_PAGE("Product page", "website", "consideration"),
    REVIEWS("Reviews", "website", "consideration"),
    SIZE_GUIDE("Size guide", "website", "consideration"),
    APP_PRODUCT_PAGE("App product page", "app", "consideration"),
    SUPPORT_CHAT("Support chat", "support", "consideration"),
    SUPPORT_EMAIL_SLOW("Support email - slow answer", "support", "consideration"),
    STORE_VISIT("Store visit", "store", "consideration"),
    CART("Cart", "website", "purchase"),
    APP_CART("App cart", "app", "purchase"),
    CHECKOUT_SHIPPING("Checkout - shipping costs", "website", "purchase"),
    CHECKOUT_PAYMENT("Checkout - payment", "website", "purchase"),
    ABANDONED_CART_EMAIL("Abandoned cart email", "email", "purchase"),
    ORDER_CONFIRMATION("Order confirmation", "website", "purchase"),
    NEWSLETTER("Newsletter", "email", "loyalty"),
    POST_PURCHASE_SURVEY("Post-purchase survey", "email", "loyalty"),
    REVIEW_WRITTEN("Review written", "website", "advocacy"),
    REFERRAL_SHARED("Referral shared", "social", "advocacy"),
    COMPETITOR_A("CompetitorA site", "competitor", "consideration"),
    COMPETITOR_B("CompetitorB marketplace", "competitor", "consideration");

    static final StoreTouchpoint[] ALL = values();

    final String label;
    final String channel;
    final String stage;
    final String owner;

    StoreTouchpoint(String label, String channel, String stage) {
        this.label = label;
        this.channel = channel;
        this.stage = stage;
        this.owner = "competitor".equals(channel) ? DemoEvent.COMPETITOR : DemoEvent.OWN;
    }

    boolean isCompetitor() {
        return owner == DemoEvent.COMPETITOR;
    }

    /** Reached by a click from another screen, so it follows within the same session. */
    boolean isOnline() {
        return switch (channel) {
            case "website", "app", "search", "support", "competitor" -> true;
            default -> false;
        };
    }

    /** The web page shown instead of an app screen on a desktop. */
    StoreTouchpoint onDesktop() {
        return switch (this) {
            case APP_PRODUCT_PAGE -> PRODUCT_PAGE;
            case APP_CART -> CART;
            default -> this;
        };
    }
}
