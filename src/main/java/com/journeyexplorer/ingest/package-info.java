/**
 * Reading uploads (CSV, NDJSON, XES, aggregated path counts; plain or gzip), validating every row with its line, and
 * planning the changes: journeys built, merged with stored ones, deduplicated, outcomes recomputed. Each import is a
 * reader, a planner and the one report ({@link com.journeyexplorer.ingest.ImportReport}).
 */
package com.journeyexplorer.ingest;
