package com.journeyexplorer.api;

import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * Whether an {@code Accept} header accepts a media type as RFC 9110 (section 12.5.1) says: the most specific of its
 * ranges that includes the type gives its quality, and {@code q=0} means "not acceptable", so that
 * {@code application/json;q=0} refuses JSON and {@code text/csv;q=0, *}{@code /*} refuses CSV while allowing the rest.
 * No header accepts every type. Spring MVC's own negotiation reads {@code q} only to order the ranges, and would
 * answer a range it was told not to; every answer of the API is checked here instead.
 */
final class AcceptedTypes {

    private AcceptedTypes() {
    }

    /**
     * Refuses with a 406 an {@code Accept} header ({@code accept}, its values, none when the client sent none) that
     * excludes {@code answer}, the media type the answer is written in.
     */
    static void require(List<String> accept, MediaType answer)
            throws HttpMediaTypeNotAcceptableException {
        if (accepts(accept, answer)) {
            return;
        }
        HttpMediaTypeNotAcceptableException e = new HttpMediaTypeNotAcceptableException(List.of(answer));
        e.getBody().setDetail("this answer is sent as " + answer + ", which the Accept header '"
                + JourneyQuery.abbreviate(String.join(", ", accept)) + "' excludes; accept " + answer + " (or */*)");
        throw e;
    }

    /** Whether {@code accept} (its values; none accepts every type) accepts {@code type}. */
    static boolean accepts(List<String> accept, MediaType type) {
        if (accept.stream().allMatch(String::isBlank)) {
            return true;
        }
        List<MediaType> ranges;
        try {
            ranges = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            // Refused before any endpoint by AcceptHeaderFilter; nothing to negotiate with here.
            return false;
        }
        MediaType closest = null;
        for (MediaType range : ranges) {
            if (range.includes(type) && (closest == null || specificity(range) > specificity(closest))) {
                closest = range;
            }
        }
        return closest != null && closest.getQualityValue() > 0;
    }

    /** 2 for {@code type/subtype}, 1 for {@code type/*}, 0 for {@code *}{@code /*}. */
    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
    }
}
