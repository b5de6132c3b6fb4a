package com.journeyexplorer.api;

/** Numbers that JSON cannot carry: NaN and the infinities become null. */
final class JsonNumbers {

    private JsonNumbers() {
    }

    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
