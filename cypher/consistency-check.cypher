// Consistency check: recomputes every touchpoint-to-touchpoint transition count from the stored steps (a journey's
// VISITED relationships, numbered by index) and returns the aggregated TRANSITION relationships that disagree with
// it. No row means the graph is consistent.
MATCH (j:Journey)-[a:VISITED]->(from:Touchpoint), (j)-[b:VISITED]->(to:Touchpoint)
WHERE b.index = a.index + 1
WITH from.name AS from, to.name AS to, sum(j.weight) AS recomputed
OPTIONAL MATCH (:Touchpoint {name: from})-[r:TRANSITION]->(:Touchpoint {name: to})
WITH from, to, recomputed, r.count AS stored
WHERE stored IS NULL OR stored <> recomputed
RETURN from, to, recomputed, stored
UNION
MATCH (a:Touchpoint {kind: 'touchpoint'})-[r:TRANSITION]->(b:Touchpoint {kind: 'touchpoint'})
OPTIONAL MATCH (j:Journey)-[x:VISITED]->(a), (j)-[y:VISITED]->(b)
WHERE y.index = x.index + 1
WITH a.name AS from, b.name AS to, r.count AS stored, sum(j.weight) AS recomputed
WHERE recomputed <> stored
RETURN from, to, recomputed, stored;
