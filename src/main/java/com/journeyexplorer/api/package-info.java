/**
 * The HTTP API: thin controllers that read their request through the endpoint's {@code EndpointParameters}
 * declaration (its {@code QueryParameter}s, the filters and shaping of {@code JourneyQuery}), call the analyses on
 * one snapshot and answer JSON in {@code *Answer} records; the same declaration describes the parameters in the
 * OpenAPI document ({@code DeclaredParametersDocumentation}). {@code ProblemAdvice} turns every failure into an
 * RFC 9457 problem; {@code RequestBounds} limits heavy requests; {@code ImportJobs} runs uploads sent with
 * {@code Prefer: respond-async} in the background.
 */
package com.journeyexplorer.api;
