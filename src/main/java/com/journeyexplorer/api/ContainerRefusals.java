package com.journeyexplorer.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.tomcat.util.res.StringManager;

/**
 * What the servlet container refused a request for, said so that the client can act on it: Tomcat's own limits on
 * the number of headers, cookies and query parameters fail with a plain exception whose message is the only sign of
 * the cause, so the message is compared with Tomcat's text for each, in the language Tomcat wrote it in. Otherwise a
 * request with 101 headers would be told about a '%' sign, and one with 1,001 query parameters about UTF-8.
 */
final class ContainerRefusals {

    private static final StringManager TOMCAT_HTTP = StringManager.getManager("org.apache.tomcat.util.http");

    private ContainerRefusals() {
    }

    /** The detail for a request beyond one of Tomcat's counts, or null when {@code failure} is no such refusal. */
    static String tooMany(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String detail = tooMany(cause.getMessage());
            if (detail != null) {
                return detail;
            }
        }
        return null;
    }

    /** The same for Tomcat's message alone, as it sends an error page with the message of a refused cookie. */
    static String tooMany(String message) {
        String headers = limit(message, "headers.maxCountFail");
        if (headers != null) {
            return "The request has more headers than the server reads (at most " + headers + "): send fewer";
        }
        String cookies = limit(message, "cookies.maxCountFail");
        if (cookies != null) {
            return "The request has more cookies than the server reads (at most " + cookies + "): send fewer";
        }
        String parameters = limit(message, "parameters.maxCountFail");
        if (parameters != null) {
            return "The query string has more parameters than the server reads (at most " + parameters
                    + ", server.tomcat.max-parameter-count): send fewer; a list such as contains takes several "
                    + "names in one value, separated by commas";
        }
        return null;
    }

    /** The limit Tomcat's message of {@code key} names, when {@code message} is that message. */
    private static String limit(String message, String key) {
        String template = TOMCAT_HTTP.getString(key);
        int slot = template.indexOf("{0}");
        if (message == null || slot < 0) {
            return null;
        }
        Matcher matcher = Pattern.compile(Pattern.quote(template.substring(0, slot)) + "(.+?)"
                + Pattern.quote(template.substring(slot + 3)), Pattern.DOTALL).matcher(message);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
