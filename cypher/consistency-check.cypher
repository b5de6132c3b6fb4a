// Consistency check: recomputes every touchpoint-to-touchpoint transition count from the stored steps (a journey's
// VISITED relationships, numbered by index) and returns the aggregated TRANSITION relationships that disagree with
// it. A step pair from the first purchase on (a.index >= purchaseIndex) is post-purchase: it is counted on the
// TRANSITION with postPurchase = true, every other pair on the one with postPurchase = false. A pair of steps with no
// TRANSITION has stored null; a TRANSITION no pair of steps takes has recomputed 0. No row means the graph is
// consistent. The step pairs and the TRANSITION relationships are read once each and grouped together, so the check
// costs the steps' number, not visits times transitions (a match of each TRANSITION's journeys took 100 s on a
// clickstream of 3,000 pages and 20,000 journeys, this about 3 s).
CALL () {
  MATCH (j:Journey)-[a:VISITED]->(from:Touchpoint), (j)-[b:VISITED]->(to:Touchpoint)
  WHERE b.index = a.index + 1
  RETURN from.name AS from, to.name AS to, j.purchaseIndex >= 0 AND a.index >= j.purchaseIndex AS postPurchase,
         j.weight AS steps, null AS stored
  UNION ALL
  MATCH (a:Touchpoint {kind: 'touchpoint'})-[r:TRANSITION]->(b:Touchpoint {kind: 'touchpoint'})
  RETURN a.name AS from, b.name AS to, r.postPurchase AS postPurchase, null AS steps, r.count AS stored
}
WITH from, to, postPurchase, sum(steps) AS recomputed, count(stored) AS transitions, sum(stored) AS stored
WHERE transitions = 0 OR stored <> recomputed
RETURN from, to, postPurchase, recomputed, CASE WHEN transitions = 0 THEN null ELSE stored END AS stored;
