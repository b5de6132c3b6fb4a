package com.journeyexplorer.graph;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.input.PropertySizeCalculator;
import org.neo4j.batchimport.api.input.ReadableGroups;

/**
 * What Neo4j's parallel batch importer reads: nodes and relationships handed out from memory in chunks of groups (a
 * group is one node, or the relationships of one journey), with the store's own node ids ({@link IdType#ACTUAL}), so
 * that no id mapping is needed. The importer's worker threads take chunks concurrently; each chunk walks its groups
 * one entity per call. O(1) memory beyond the data it is given.
 */
final class BulkInput implements Input {

    /** Entities in numbered groups: {@code size(group)} of them in each, visited one by one. */
    interface Groups {

        int groups();

        int size(int group);

        /** Describes entity {@code member} of {@code group} to {@code visitor}, {@code endOfEntity} included. */
        void visit(int group, int member, InputEntityVisitor visitor) throws IOException;
    }

    /** Groups each chunk holds: thousands of entities, enough to keep a worker busy between hand-outs. */
    private static final int GROUPS_PER_CHUNK = 1_000;

    private final Groups nodes;
    private final Groups relationships;
    private final Estimates estimates;

    BulkInput(Groups nodes, Groups relationships, Estimates estimates) {
        this.nodes = nodes;
        this.relationships = relationships;
        this.estimates = estimates;
    }

    @Override
    public InputIterable nodes(Collector badCollector) {
        return () -> new ChunkedIterator(nodes);
    }

    @Override
    public InputIterable relationships(Collector badCollector) {
        return () -> new ChunkedIterator(relationships);
    }

    @Override
    public IdType idType() {
        return IdType.ACTUAL;
    }

    @Override
    public ReadableGroups groups() {
        return ReadableGroups.EMPTY;
    }

    @Override
    public Estimates validateAndEstimate(PropertySizeCalculator valueSizeCalculator) {
        return estimates;
    }

    /** Hands out ranges of groups to the importer's threads; thread-safe. */
    private static final class ChunkedIterator implements InputIterator {

        private final Groups groups;
        private final AtomicInteger nextGroup = new AtomicInteger();

        ChunkedIterator(Groups groups) {
            this.groups = groups;
        }

        @Override
        public InputChunk newChunk() {
            return new Chunk(groups);
        }

        @Override
        public boolean next(InputChunk chunk) {
            int from = nextGroup.getAndAdd(GROUPS_PER_CHUNK);
            int total = groups.groups();
            if (from >= total) {
                return false;
            }
            ((Chunk) chunk).reset(from, Math.min(total, from + GROUPS_PER_CHUNK));
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** One range of groups, walked entity by entity. */
    private static final class Chunk implements InputChunk {

        private final Groups groups;
        private int group;
        private int end;
        private int member;

        Chunk(Groups groups) {
            this.groups = groups;
        }

        void reset(int from, int to) {
            group = from;
            end = to;
            member = 0;
        }

        @Override
        public boolean next(InputEntityVisitor visitor) throws IOException {
            while (group < end && member >= groups.size(group)) {
                group++;
                member = 0;
            }
            if (group >= end) {
                return false;
            }
            groups.visit(group, member++, visitor);
            return true;
        }

        @Override
        public void close() {
        }
    }
}
