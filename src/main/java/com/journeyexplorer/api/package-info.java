/**
 * The HTTP API: thin controllers that read a {@code JourneyQuery}, call the analyses on one snapshot and answer JSON;
 * {@code ProblemAdvice} turns every failure into an RFC 9457 problem; {@code RequestBounds} limits heavy requests.
 */
package com.journeyexplorer.api;
