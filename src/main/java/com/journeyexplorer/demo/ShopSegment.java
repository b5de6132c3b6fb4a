package com.journeyexplorer.demo;

/**
 * The web shop's visitor segments and their habits.
 *
 * @param label      the segment name in the data
 * @param share      share of customers
 * @param meanSteps  typical patience: the walk leaves at each step with probability about 1 / patience
 * @param cart       chance that a product page leads to the cart
 * @param checkout   chance that the cart leads to checkout
 * @param divert     chance that leaving means a visit to a competitor
 * @param orderValue median order value
 */
enum ShopSegment {
    WINDOW_SHOPPER("window shopper", 0.5, 9, 0.07, 0.35, 0.12, 45),
    DEAL_SEEKER("deal seeker", 0.3, 12, 0.12, 0.45, 0.3, 60),
    REGULAR("regular", 0.2, 12, 0.2, 0.65, 0.08, 85);

    static final ShopSegment[] ALL = values();

    final String label;
    final double share;
    final double meanSteps;
    final double cart;
    final double checkout;
    final double divert;
    final double orderValue;

    ShopSegment(String label, double share, double meanSteps, double cart, double checkout, double divert,
            double orderValue) {
        this.label = label;
        this.share = share;
        this.meanSteps = meanSteps;
        this.cart = cart;
        this.checkout = checkout;
        this.divert = divert;
        this.orderValue = orderValue;
    }
}
