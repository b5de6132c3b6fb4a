package com.journeyexplorer.analysis.attribution;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an attribution model: per label, the conversions and conversion value it is credited with, labels in
 * ascending order. The credits sum to {@code totalConversions} and {@code totalValue} up to rounding.
 */
public record Attribution(String model, List<Credit> credits, long totalConversions, double totalValue) {

    /** Conversions and value credited to one label. */
    public record Credit(String label, double conversions, double value) {
        public Credit {
            Objects.requireNonNull(label, "label");
        }
    }

    public Attribution {
        Objects.requireNonNull(model, "model");
        credits = List.copyOf(credits);
    }

    public Optional<Credit> credit(String label) {
        return credits.stream().filter(credit -> credit.label().equals(label)).findFirst();
    }

    /** Conversions credited to {@code label}, 0 if it has none. */
    public double conversions(String label) {
        return credit(label).map(Credit::conversions).orElse(0.0);
    }

    /** Value credited to {@code label}, 0 if it has none. */
    public double value(String label) {
        return credit(label).map(Credit::value).orElse(0.0);
    }
}
