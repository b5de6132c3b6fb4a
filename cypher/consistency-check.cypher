// Consistency check: recomputes every touchpoint-to-touchpoint transition count from the stored steps (a journey's
// VISITED relationships, numbered by index) and returns the aggregated TRANSITION relationships that disagree with
// it. A step pair from the first purchase on (a.index >= purchaseIndex) is post-purchase: it is counted on the
// TRANSITION with postPurchase = true, every other pair on the one with postPurchase = false. No row means the graph
// is consistent.
MATCH (j:Journey)-[a:VISITED]->(from:Touchpoint), (j)-[b:VISITED]->(to:Touchpoint)
WHERE b.index = a.index + 1
WITH from.name AS from, to.name AS to, j.purchaseIndex >= 0 AND a.index >= j.purchaseIndex AS postPurchase,
     sum(j.weight) AS recomputed
OPTIONAL MATCH (:Touchpoint {name: from})-[r:TRANSITION {postPurchase: postPurchase}]->(:Touchpoint {name: to})
WITH from, to, postPurchase, recomputed, r.count AS stored
WHERE stored IS NULL OR stored <> recomputed
RETURN from, to, postPurchase, recomputed, stored
UNION
MATCH (a:Touchpoint {kind: 'touchpoint'})-[r:TRANSITION]->(b:Touchpoint {kind: 'touchpoint'})
OPTIONAL MATCH (j:Journey)-[x:VISITED]->(a), (j)-[y:VISITED]->(b)
WHERE y.index = x.index + 1 AND (j.purchaseIndex >= 0 AND x.index >= j.purchaseIndex) = r.postPurchase
WITH a.name AS from, b.name AS to, r.postPurchase AS postPurchase, r.count AS stored, sum(j.weight) AS recomputed
WHERE recomputed <> stored
RETURN from, to, postPurchase, recomputed, stored;
