package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The app's own read-only check, without a database: what it lets through and what it refuses. */
class CypherGuardTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "MATCH (n) RETURN n",
            "MATCH (start:Touchpoint {name: '(start)'}) RETURN start",
            "MATCH (n) WHERE n.name STARTS WITH 'Cre' RETURN n.set, n.create",
            "RETURN {set: 1, delete: 2, `create`: 3} AS m",
            "MATCH (n) WHERE n.name = 'CREATE (x); DELETE' RETURN n",
            "MATCH (n) // DELETE n\nRETURN n",
            "MATCH (n) /* SET n.x = 1 */ RETURN n;",
            "MATCH (`set`) RETURN `set`",
            "CALL db.labels() YIELD label RETURN label",
            "CALL DB.SCHEMA.VISUALIZATION()",
            "CALL `db`.`labels`() YIELD label RETURN label",
            "CALL db.`labels`()",
            "CALL `db`.labels",
            "CALL `db`.`schema`.`visualization`()",
            "CALL db . labels()",
            "CALL db /* the namespace */ .\n  labels()",
            "CALL db.`labels`",
            "CALL `db`.`labels`;",
            "  CALL `db`.`labels` ;  ",
            "MATCH (j:Journey) CALL (j) { MATCH (j)-[s:VISITED]->() RETURN s } RETURN j, s",
            "UNWIND $ids AS id MATCH (j:Journey {id: id}) RETURN j",
            "WITH 1 AS n RETURN n + 1 AS delete, 2 AS set",
            "MATCH (j:Journey) WHERE j.segment = $create RETURN j.id AS drop",
            "UNWIND [1, 2] AS\n  merge RETURN 1"})
    void letsReadQueriesThrough(String query) {
        assertThatCode(() -> CypherGuard.check(query)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE (n)", "match (n) set n.x = 1", "MERGE (n:X)", "MATCH (n) DETACH DELETE n", "MATCH (n) REMOVE n:X",
            "CALL { CREATE (n) }", "UNWIND [1] AS i CALL (i) { RETURN i } IN TRANSACTIONS",
            "UNWIND [1] AS i CALL (i) { RETURN i } IN CONCURRENT TRANSACTIONS", "LOAD CSV FROM 'file:///x' AS r RETURN r",
            "CALL db.createLabel('X')", "CALL `db.labels`()", "CALL dbms.components()", "CALL apoc.help('x')",
            "CALL `db`.`createLabel`('X')", "CALL `db.schema`.visualization()", "CALL `db`.`labels ` ()",
            "CALL `db`.`labels`.x()", "CALL db.labelsé()", "CALL `db``.labels`()", "CALL `db`.`labels",
            "CALL 1",
            "RETURN 1; RETURN 2", "USE system SHOW USERS", "CREATE INDEX i FOR (n:X) ON (n.a)", "DROP INDEX i",
            "FOREACH (i IN [1] | CREATE (:X))", "EXPLAIN MATCH (n) RETURN n", "GRANT ROLE r TO u",
            "TERMINATE TRANSACTIONS 'x'", "CALL", "MATCH (n) SET\nn.x = 1", "SHOW TRANSACTIONS",
            "WITH 1 AS x SET x.y = 1", "MATCH (n) WITH n AS m DELETE m", "WITH 1 AS set RETURN set"})
    void refusesWritesAdminAndFileAccess(String query) {
        assertThatThrownBy(() -> CypherGuard.check(query)).isInstanceOf(CypherRefusedException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "CALL `db.labels`()                       | `db.labels`",
            "CALL `db`.createLabel('X')               | `db`.createLabel",
            "CALL db.`createLabel`('X')               | db.`createLabel`",
            "CALL /* c */ `my``proc`.run()            | `my``proc`.run",
            "// c\\n CALL apoc.`help`('x')             | apoc.`help`",
            "MATCH (n) CALL dbms.components() RETURN n | dbms.components",
            "CALL db /* c */ . `createLabel`('X')      | db /* c */ . `createLabel`"})
    void namesARefusedProcedureAsWritten(String query, String name) {
        assertThatThrownBy(() -> CypherGuard.check(query.replace("\\n", "\n")))
                .isInstanceOf(CypherRefusedException.class)
                .hasMessageContaining("procedure '" + name + "' is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CALL `db.labels`()", "CALL `db.schema`.`visualization`()",
            "CALL db.`schema.visualization`"})
    void saysThatADottedNameInOnePairOfBackticksIsNoNamespace(String query) {
        // Neo4j reads `db.labels` as one name without a namespace ("There is no procedure with the name `db.labels`"),
        // while db.labels is the name labels in the namespace db.
        assertThatThrownBy(() -> CypherGuard.check(query))
                .isInstanceOf(CypherRefusedException.class)
                .hasMessageContaining("is not allowed")
                .hasMessageContaining("backticks around each part");
    }

    @Test
    void listsTheAllowedProceduresAsNeo4jSpellsThem() {
        // Neo4j's procedure names are case-sensitive: db.relationshiptypes is no procedure.
        assertThatThrownBy(() -> CypherGuard.check("CALL dbms.components()"))
                .hasMessageContaining("allowed: db.labels, db.propertyKeys, db.relationshipTypes, "
                        + "db.schema.nodeTypeProperties, db.schema.relTypeProperties, db.schema.visualization");
    }
}
