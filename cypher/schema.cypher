// The Journey Explorer graph: constraints and indexes. Run at every start-up (each statement is idempotent).
CREATE CONSTRAINT touchpoint_name IF NOT EXISTS FOR (t:Touchpoint) REQUIRE t.name IS UNIQUE;
CREATE CONSTRAINT journey_id IF NOT EXISTS FOR (j:Journey) REQUIRE j.id IS UNIQUE;
CREATE CONSTRAINT import_id IF NOT EXISTS FOR (i:Import) REQUIRE i.id IS UNIQUE;
// The journal's head: one node whose sequence numbers the finished entries in commit order; instances follow it.
CREATE CONSTRAINT journal_head IF NOT EXISTS FOR (h:JournalHead) REQUIRE h.id IS UNIQUE;
CREATE INDEX import_sequence IF NOT EXISTS FOR (i:Import) ON (i.sequence);
// The imports lease: one node that serializes writes across the instances on this database. Whoever takes it rolls back
// the running entries a holder that is gone left, found by their status.
CREATE CONSTRAINT import_lease IF NOT EXISTS FOR (l:ImportLease) REQUIRE l.id IS UNIQUE;
CREATE INDEX import_status IF NOT EXISTS FOR (i:Import) ON (i.status);
// Survey answers joined to a journey are (:Journey)-[:ANSWERED]->() relationships with no index (each would cost every
// answer's write; ids stay unique through the imports lease, docs/adr/0008). Answers that matched no journey, or whose
// journey was deleted, are :Response nodes: these keep a uniqueness constraint and two indexes.
CREATE CONSTRAINT response_id IF NOT EXISTS FOR (r:Response) REQUIRE r.id IS UNIQUE;
CREATE INDEX journey_customer IF NOT EXISTS FOR (j:Journey) ON (j.customerId);
CREATE INDEX journey_started IF NOT EXISTS FOR (j:Journey) ON (j.startedAt);
// A customer's answer nodes, and those of a customer's deleted journeys, are found by these when the customer is erased.
CREATE INDEX response_customer IF NOT EXISTS FOR (r:Response) ON (r.customerId);
CREATE INDEX response_journey IF NOT EXISTS FOR (r:Response) ON (r.journeyId);
// Every index is updated by every journey written, so there are none for what a query rarely narrows by: a segment or
// outcome holds a large share of all journeys, and the import id is read only to roll back or undo an import.
DROP INDEX journey_segment IF EXISTS;
DROP INDEX journey_outcome IF EXISTS;
DROP INDEX journey_import IF EXISTS;
