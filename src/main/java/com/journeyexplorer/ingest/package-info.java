/**
 * Reading uploads (CSV, NDJSON, XES, plain or gzip), validating every row with its line, and planning the changes:
 * journeys built, merged with stored ones, deduplicated, outcomes recomputed.
 */
package com.journeyexplorer.ingest;
