package com.journeyexplorer.journey;

/** Whose touchpoint it is: ours, or a competitor's (a site, a store, an offer). */
public enum Owner {
    OWN, COMPETITOR;

    public String label() {
        return this == OWN ? "own" : "competitor";
    }
}
