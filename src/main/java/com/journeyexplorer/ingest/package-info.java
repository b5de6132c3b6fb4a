/**
 * Reading uploads (CSV, NDJSON, XES, aggregated path counts; plain or gzip), validating every row with its line, and
 * planning the changes: journeys built, merged with stored ones, deduplicated, outcomes recomputed. Each import is a
 * reader, a planner and the one report ({@link com.journeyexplorer.ingest.ImportReport}). The first import of an
 * empty store can instead be bulk-loaded ({@link com.journeyexplorer.ingest.BulkEventLoader}): the same reading and
 * planning, written as store files rather than transactions.
 */
package com.journeyexplorer.ingest;
