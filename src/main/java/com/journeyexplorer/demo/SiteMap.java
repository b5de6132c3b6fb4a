package com.journeyexplorer.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages and events of a generated web shop, and its visitors' navigation habits: a sparse transition structure in
 * which each page links to a few dozen others, weighted by the targets' Zipf-like popularity (weight 1/rank within
 * their kind, ranks shuffled by the seed). Products belong to categories, which are Zipf-popular too; the purchase
 * funnel (cart, address, shipping, payment, order confirmation) is walked by {@link ClickstreamWalker}.
 *
 * <p>Of {@code n} touchpoints, 38 are fixed (8 entry channels, 12 shop pages, 2 competitors, 16 on-page events); of
 * the rest, one in 40 is a category page, one in 25 a blog post, one in 50 a help page, and the others product
 * pages. Built once per generator: O(n) memory and time, about 30 links per page (the search engine entry links to
 * every product, as search engines land visitors on any page).
 */
final class SiteMap {

    enum Kind { ENTRY, HOME, SEARCH, CATEGORY, PRODUCT, CART, CHECKOUT, CONFIRMATION, ACCOUNT, ADVOCACY, BLOG, HELP,
        EVENT, COMPETITOR }

    static final int MIN_TOUCHPOINTS = 60;

    private static final String[] ENTRY_NAMES = {"Google search", "Google ad", "Instagram ad", "Facebook post",
            "Newsletter email", "Abandoned-cart email", "Affiliate link", "Direct visit"};
    private static final String[] ENTRY_CHANNELS = {"search", "search", "social", "social", "email", "email",
            "affiliate", "direct"};
    private static final double[] ENTRY_WEIGHTS = {0.30, 0.15, 0.10, 0.05, 0.10, 0.03, 0.07, 0.20};
    private static final String[] EVENT_NAMES = {"Event: video play", "Event: size guide", "Event: filter applied",
            "Event: sort changed", "Event: zoom image", "Event: reviews read", "Event: add to wishlist",
            "Event: share", "Event: stock alert", "Event: compare products", "Event: chat opened",
            "Event: coupon applied", "Event: newsletter signup", "Event: store locator", "Event: gift wrap",
            "Event: app banner"};

    final List<String> names = new ArrayList<>();
    final List<String> channels = new ArrayList<>();
    final List<String> stages = new ArrayList<>();
    final List<Kind> kinds = new ArrayList<>();
    final int home;
    final int search;
    final int cart;
    final int address;
    final int shipping;
    final int payment;
    final int confirmation;
    final int login;
    final int orders;
    final int wishlist;
    final int review;
    final int referral;
    final int competitorA;
    final int competitorB;
    final int firstEntry;
    final int firstEvent;
    /** Multiplies the chance of leaving at a page: unexpected shipping costs make people leave at "Checkout - shipping". */
    final double[] exitFactor;
    /** Multiplies the chance that leaving at a page means going to a competitor: price-sensitive products. */
    final double[] divertFactor;
    final double[] entryCumulative;
    private final int[][] links;
    private final double[][] cumulative;
    private final double[] popularity;
    private final SplitMix64 random;

    SiteMap(long seed, int touchpoints) {
        if (touchpoints < MIN_TOUCHPOINTS) {
            throw new IllegalArgumentException("touchpoints must be at least " + MIN_TOUCHPOINTS + ": " + touchpoints);
        }
        random = new SplitMix64(SplitMix64.mix(seed ^ 0x51_7E_4A_9L));
        firstEntry = 0;
        for (int i = 0; i < ENTRY_NAMES.length; i++) {
            add(ENTRY_NAMES[i], ENTRY_CHANNELS[i], "awareness", Kind.ENTRY);
        }
        home = add("Home", "website", "awareness", Kind.HOME);
        search = add("Search results", "website", "consideration", Kind.SEARCH);
        cart = add("Cart", "website", "purchase", Kind.CART);
        address = add("Checkout - address", "website", "purchase", Kind.CHECKOUT);
        shipping = add("Checkout - shipping", "website", "purchase", Kind.CHECKOUT);
        payment = add("Checkout - payment", "website", "purchase", Kind.CHECKOUT);
        confirmation = add("Order confirmation", "website", "purchase", Kind.CONFIRMATION);
        login = add("Account - login", "website", "loyalty", Kind.ACCOUNT);
        orders = add("Account - orders", "website", "loyalty", Kind.ACCOUNT);
        wishlist = add("Account - wishlist", "website", "loyalty", Kind.ACCOUNT);
        review = add("Review written", "website", "advocacy", Kind.ADVOCACY);
        referral = add("Referral shared", "website", "advocacy", Kind.ADVOCACY);
        competitorA = add("CompetitorA shop", "competitor", "consideration", Kind.COMPETITOR);
        competitorB = add("CompetitorB marketplace", "competitor", "consideration", Kind.COMPETITOR);
        firstEvent = names.size();
        for (String event : EVENT_NAMES) {
            add(event, "event", "consideration", Kind.EVENT);
        }
        int rest = touchpoints - names.size();
        int categoryCount = Math.max(3, rest / 40);
        int blogCount = Math.max(2, rest / 25);
        int helpCount = Math.max(2, rest / 50);
        int productCount = rest - categoryCount - blogCount - helpCount;
        int[] categories = addNumbered("Category ", categoryCount, "website", "consideration", Kind.CATEGORY);
        int[] blog = addNumbered("Blog post ", blogCount, "blog", "awareness", Kind.BLOG);
        int[] help = addNumbered("Help ", helpCount, "website", "loyalty", Kind.HELP);
        int[] products = addNumbered("Product ", productCount, "website", "consideration", Kind.PRODUCT);
        int n = names.size();
        popularity = new double[n];
        Arrays.fill(popularity, 1);
        for (int[] group : new int[][] {categories, blog, help, products, events()}) {
            zipf(group);
        }
        exitFactor = new double[n];
        divertFactor = new double[n];
        Arrays.fill(exitFactor, 1);
        Arrays.fill(divertFactor, 1);
        exitFactor[shipping] = 4;
        exitFactor[payment] = 1.5;
        exitFactor[confirmation] = 0;
        for (int product : products) {
            if (random.nextDouble() < 0.02) {
                divertFactor[product] = 5;
            }
        }
        entryCumulative = cumulative(ENTRY_WEIGHTS);
        int[][] productsOf = productsByCategory(categories, products);
        links = new int[n][];
        cumulative = new double[n][];
        Pool all = new Pool(products);
        Pool categoryPool = new Pool(categories);
        Pool blogPool = new Pool(blog);
        Pool helpPool = new Pool(help);
        Pool eventPool = new Pool(events());
        Pool[] inCategory = new Pool[categories.length];
        for (int c = 0; c < categories.length; c++) {
            inCategory[c] = new Pool(productsOf[c]);
        }
        int[] categoryOf = new int[n];
        for (int c = 0; c < categories.length; c++) {
            for (int product : productsOf[c]) {
                categoryOf[product] = c;
            }
        }
        for (int page = 0; page < n; page++) {
            Links out = new Links();
            switch (kinds.get(page)) {
                case ENTRY -> {
                    out.add(all.sample(15), 0.35).add(categoryPool.sample(6), 0.2).add(home, 0.25).add(search, 0.1)
                            .add(blogPool.sample(3), 0.1);
                    switch (page - firstEntry) {
                        case 0 -> out.even(products, 0.15); // search engines land on any product, the tail included
                        case 3 -> out.even(blog, 0.3);
                        case 5 -> out.add(cart, 2.0);
                        case 7 -> out.even(help, 0.05);
                        default -> {
                        }
                    }
                }
                case HOME -> out.add(categoryPool.sample(20), 0.4).even(categoryPool.uniform(3), 0.02)
                        .add(all.sample(8), 0.2).add(blogPool.sample(3), 0.04).even(blogPool.uniform(2), 0.01)
                        .add(search, 0.15).add(login, 0.05).add(helpPool.sample(2), 0.03)
                        .even(helpPool.uniform(2), 0.02).add(cart, 0.06);
                case SEARCH -> out.add(all.sample(25), 0.6).even(all.uniform(10), 0.1).add(categoryPool.sample(5), 0.12)
                        .add(search, 0.15).add(competitorB, 0.03);
                case CATEGORY -> {
                    int c = Arrays.binarySearch(categories, page);
                    out.add(inCategory[c].sample(16), 0.5).even(inCategory[c].uniform(6), 0.1)
                            .add(categoryPool.sample(4), 0.15).add(search, 0.08).add(home, 0.05)
                            .add(firstEvent + 2, 0.07).add(firstEvent + 3, 0.05);
                }
                case PRODUCT -> out.add(inCategory[categoryOf[page]].sample(10), 0.33)
                        .even(inCategory[categoryOf[page]].uniform(3), 0.05).add(all.sample(5), 0.1)
                        .even(all.uniform(2), 0.02)
                        .add(categories[categoryOf[page]], 0.14).add(search, 0.08).add(home, 0.03)
                        .add(eventPool.sample(6), 0.14).add(wishlist, 0.02).add(competitorB, 0.03 * divertFactor[page])
                        .add(competitorA, 0.01 * divertFactor[page]);
                case CART -> out.add(all.sample(8), 0.5).add(home, 0.1).add(search, 0.15).add(firstEvent + 11, 0.1)
                        .add(login, 0.1).add(helpPool.sample(1), 0.05);
                case CHECKOUT -> out.add(cart, 0.5).add(helpPool.sample(2), 0.2).add(login, 0.15)
                        .add(firstEvent + 11, 0.1).add(competitorA, page == shipping ? 0.2 : 0.03);
                case CONFIRMATION -> out.add(orders, 0.5).add(review, 0.2).add(referral, 0.1).add(home, 0.2);
                case ACCOUNT -> out.add(orders, 0.2).add(wishlist, 0.15).add(home, 0.2).add(helpPool.sample(3), 0.15)
                        .add(all.sample(6), 0.3);
                case ADVOCACY -> out.add(home, 0.5).add(orders, 0.3).add(referral, 0.2);
                case BLOG -> out.add(all.sample(8), 0.45).add(categoryPool.sample(3), 0.2).add(blogPool.sample(4), 0.15)
                        .even(blogPool.uniform(2), 0.05).add(firstEvent + 12, 0.05).add(home, 0.1);
                case HELP -> out.add(helpPool.sample(4), 0.3).even(helpPool.uniform(2), 0.05).add(orders, 0.15)
                        .add(home, 0.15).add(firstEvent + 10, 0.15).add(cart, 0.1).add(competitorA, 0.05)
                        .add(search, 0.05);
                case EVENT -> out.add(all.sample(10), 0.6).add(categoryPool.sample(3), 0.15).add(cart, 0.15)
                        .add(search, 0.1);
                case COMPETITOR -> out.add(search, 0.25).add(home, 0.2).add(all.sample(10), 0.45).add(cart, 0.1);
            }
            out.remove(page == search ? -1 : page);
            links[page] = out.targets();
            cumulative[page] = out.cumulative();
        }
    }

    int size() {
        return names.size();
    }

    Kind kind(int page) {
        return kinds.get(page);
    }

    /** A page linked from {@code page}, drawn by link weight: O(log links). */
    int next(int page, SplitMix64 walk) {
        double[] sums = cumulative[page];
        int at = Arrays.binarySearch(sums, walk.nextDouble() * sums[sums.length - 1]);
        int i = at >= 0 ? at + 1 : -at - 1;
        return links[page][Math.min(i, sums.length - 1)];
    }

    /** How many pages {@code page} links to. */
    int linkCount(int page) {
        return links[page].length;
    }

    private int[] events() {
        int[] events = new int[EVENT_NAMES.length];
        for (int i = 0; i < events.length; i++) {
            events[i] = firstEvent + i;
        }
        return events;
    }

    private int add(String name, String channel, String stage, Kind kind) {
        names.add(name);
        channels.add(channel);
        stages.add(stage);
        kinds.add(kind);
        return names.size() - 1;
    }

    private int[] addNumbered(String prefix, int count, String channel, String stage, Kind kind) {
        int digits = Math.max(3, Integer.toString(count).length());
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            String number = Integer.toString(i + 1);
            ids[i] = add(prefix + "0".repeat(digits - number.length()) + number, channel, stage, kind);
        }
        return ids;
    }

    /** Popularity 1/rank within the group, the ranks a seeded shuffle. */
    private void zipf(int[] group) {
        int[] ranks = new int[group.length];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = i;
        }
        for (int i = ranks.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = ranks[i];
            ranks[i] = ranks[j];
            ranks[j] = swap;
        }
        for (int i = 0; i < group.length; i++) {
            popularity[group[i]] = 1.0 / (ranks[i] + 1);
        }
    }

    /** Each product in one category, drawn by the categories' popularity, so popular categories hold more. */
    private int[][] productsByCategory(int[] categories, int[] products) {
        Pool pool = new Pool(categories);
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < categories.length; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < products.length; i++) {
            int c = i < categories.length ? i : Arrays.binarySearch(categories, pool.draw());
            members.get(c).add(products[i]);
        }
        int[][] result = new int[categories.length][];
        for (int c = 0; c < categories.length; c++) {
            result[c] = members.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    private static double[] cumulative(double[] weights) {
        double[] sums = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            sums[i] = sum;
        }
        return sums;
    }

    /** Pages of one kind, drawn by popularity. */
    private final class Pool {
        private final int[] members;
        private final double[] sums;
        private int cursor;

        Pool(int[] members) {
            this.members = members;
            this.cursor = random.nextInt(members.length);
            double[] weights = new double[members.length];
            for (int i = 0; i < members.length; i++) {
                weights[i] = popularity[members[i]];
            }
            this.sums = cumulative(weights);
        }

        int draw() {
            int at = Arrays.binarySearch(sums, random.nextDouble() * sums[sums.length - 1]);
            int i = at >= 0 ? at + 1 : -at - 1;
            return members[Math.min(i, members.length - 1)];
        }

        /**
         * The next {@code k} members in turn, whatever their popularity: as many of these draws as members link every
         * page of the pool from somewhere, the long tail included.
         */
        int[] uniform(int k) {
            int[] picked = new int[k];
            for (int i = 0; i < k; i++) {
                picked[i] = members[cursor];
                cursor = (cursor + 1) % members.length;
            }
            return picked;
        }

        /** Up to {@code k} distinct members, more popular ones more likely; all of them when there are no more. */
        int[] sample(int k) {
            if (k >= members.length) {
                return members.clone();
            }
            int[] picked = new int[k];
            int count = 0;
            for (int tries = 0; count < k && tries < 20 * k; tries++) {
                int member = draw();
                boolean seen = false;
                for (int i = 0; i < count && !seen; i++) {
                    seen = picked[i] == member;
                }
                if (!seen) {
                    picked[count++] = member;
                }
            }
            return Arrays.copyOf(picked, count);
        }
    }

    /** One page's out-links, each class of target sharing a weight by the targets' popularity. */
    private final class Links {
        private final Map<Integer, Double> weights = new LinkedHashMap<>();

        Links add(int target, double weight) {
            weights.merge(target, weight, Double::sum);
            return this;
        }

        Links add(int[] targets, double share) {
            double total = 0;
            for (int target : targets) {
                total += popularity[target];
            }
            for (int target : targets) {
                add(target, share * popularity[target] / total);
            }
            return this;
        }

        /** Shares {@code share} evenly, whatever the targets' popularity: the long tail's traffic. */
        Links even(int[] targets, double share) {
            for (int target : targets) {
                add(target, share / targets.length);
            }
            return this;
        }

        void remove(int page) {
            weights.remove(page);
        }

        int[] targets() {
            return weights.keySet().stream().mapToInt(Integer::intValue).toArray();
        }

        double[] cumulative() {
            return SiteMap.cumulative(weights.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
