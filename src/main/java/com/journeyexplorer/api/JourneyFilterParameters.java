package com.journeyexplorer.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/** OpenAPI description of the journey filters that {@link JourneyQuery} reads, for every analysis endpoint. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "Journeys starting at or after this ISO date "
                + "(its midnight in zone), instant, or local date-time (in zone); untimed journeys never match",
                example = "2026-03-01"),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Journeys starting up to this ISO date, its "
                + "day included, or before this instant or local date-time (exclusive)", example = "2026-03-31"),
        @Parameter(name = "zone", in = ParameterIn.QUERY, description = "Time zone of the day boundaries and local "
                + "times of from and to", example = "Europe/Paris", schema = @Schema(defaultValue = "UTC")),
        @Parameter(name = "segment", in = ParameterIn.QUERY, description = "Only journeys of this customer segment"),
        @Parameter(name = "channel", in = ParameterIn.QUERY, description = "Only journeys touching a touchpoint of "
                + "this channel"),
        @Parameter(name = "device", in = ParameterIn.QUERY, description = "Only journeys on this device"),
        @Parameter(name = "outcome", in = ParameterIn.QUERY, description = "Only journeys with this outcome",
                schema = @Schema(allowableValues = { "purchase", "abandoned", "diverted", "any" })),
        @Parameter(name = "startsWith", in = ParameterIn.QUERY, description = "Comma list of touchpoints; the "
                + "journey starts at one of them (404 for an unknown touchpoint)"),
        @Parameter(name = "endsWith", in = ParameterIn.QUERY, description = "Comma list of touchpoints; the path "
                + "ends at one of them"),
        @Parameter(name = "contains", in = ParameterIn.QUERY, description = "Comma list of touchpoints that must all "
                + "occur, within filterScope"),
        @Parameter(name = "excludes", in = ParameterIn.QUERY, description = "Comma list of touchpoints that must not "
                + "occur"),
        @Parameter(name = "filterScope", in = ParameterIn.QUERY, description = "Where 'contains' looks",
                schema = @Schema(allowableValues = { "journey", "start", "end" }, defaultValue = "journey")),
        @Parameter(name = "attr.<name>", in = ParameterIn.QUERY, description = "Journey attribute equals value, "
                + "e.g. attr.campaign=spring") })
public @interface JourneyFilterParameters {
}
