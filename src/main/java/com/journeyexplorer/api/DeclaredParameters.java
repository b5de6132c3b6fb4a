package com.journeyexplorer.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the static {@link EndpointParameters} field of the controller that declares this endpoint's query
 * parameters, so that its OpenAPI description comes from the same declaration that reads them
 * ({@link DeclaredParametersDocumentation}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface DeclaredParameters {

    /** The name of the static field holding the declaration, e.g. {@code "TOP"}. */
    String value();
}
