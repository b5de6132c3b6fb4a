// Consistency check: recomputes every touchpoint-to-touchpoint transition count from the stored step chains and
// returns the aggregated TRANSITION relationships that disagree with it. No row means the graph is consistent.
MATCH (j:Journey)-[:FIRST]->(:Step)-[:NEXT*0..]->(a:Step)-[:NEXT]->(b:Step)
WITH a.touchpoint AS from, b.touchpoint AS to, sum(j.weight) AS recomputed
OPTIONAL MATCH (:Touchpoint {name: from})-[r:TRANSITION]->(:Touchpoint {name: to})
WITH from, to, recomputed, r.count AS stored
WHERE stored IS NULL OR stored <> recomputed
RETURN from, to, recomputed, stored
UNION
MATCH (a:Touchpoint {kind: 'touchpoint'})-[r:TRANSITION]->(b:Touchpoint {kind: 'touchpoint'})
OPTIONAL MATCH (j:Journey)-[:FIRST]->(:Step)-[:NEXT*0..]->(:Step {touchpoint: a.name})-[:NEXT]->(:Step {touchpoint: b.name})
WITH a.name AS from, b.name AS to, r.count AS stored, sum(j.weight) AS recomputed
WHERE recomputed <> stored
RETURN from, to, recomputed, stored;
