package com.journeyexplorer.web;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

import com.journeyexplorer.ApiTestSupport;

/**
 * A page test against the running app: one Chromium per test class ({@link PageBrowser}; the class is skipped where
 * Chromium is absent), and no console error allowed after any test.
 */
abstract class PageTestSupport extends ApiTestSupport {

    static PageBrowser page;
    static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        page = PageBrowser.start();
        browser = page.driver;
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    @AfterEach
    void noConsoleErrors() {
        page.assertNoConsoleErrors(this::isExpectedConsoleError);
    }

    /** Whether a console error is an answer the page shows in this class's tests, not a failure of it: none here. */
    boolean isExpectedConsoleError(String message) {
        return false;
    }
}
