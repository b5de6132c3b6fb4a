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

/** OpenAPI description of the path shaping that {@link JourneyQuery} reads, for the endpoints working on paths. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        @Parameter(name = "level", in = ParameterIn.QUERY, description = "What a step is labelled by",
                schema = @Schema(allowableValues = { "touchpoint", "channel", "stage" },
                        defaultValue = "touchpoint")),
        @Parameter(name = "collapseRepeats", in = ParameterIn.QUERY, description = "Merge consecutive equal labels "
                + "(A A B -> A B)", schema = @Schema(type = "boolean", defaultValue = "false")),
        @Parameter(name = "maxSteps", in = ParameterIn.QUERY, description = "Cut paths to this many steps, 1.."
                + JourneyQuery.MAX_STEPS_LIMIT, schema = @Schema(type = "integer", minimum = "1", maximum = "100")),
        @Parameter(name = "group", in = ParameterIn.QUERY, description = "Name:regex, repeatable; touchpoints whose "
                + "whole name matches are labelled Name", example = "Product pages:Product.*") })
public @interface PathShapingParameters {
}
