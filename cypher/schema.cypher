// The Journey Explorer graph: constraints and indexes. Run at every start-up (each statement is idempotent).
CREATE CONSTRAINT touchpoint_name IF NOT EXISTS FOR (t:Touchpoint) REQUIRE t.name IS UNIQUE;
CREATE CONSTRAINT journey_id IF NOT EXISTS FOR (j:Journey) REQUIRE j.id IS UNIQUE;
CREATE CONSTRAINT import_id IF NOT EXISTS FOR (i:Import) REQUIRE i.id IS UNIQUE;
CREATE INDEX journey_outcome IF NOT EXISTS FOR (j:Journey) ON (j.outcome);
CREATE INDEX journey_customer IF NOT EXISTS FOR (j:Journey) ON (j.customerId);
CREATE INDEX journey_started IF NOT EXISTS FOR (j:Journey) ON (j.startedAt);
CREATE INDEX journey_segment IF NOT EXISTS FOR (j:Journey) ON (j.segment);
