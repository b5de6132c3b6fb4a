// What customers do after buying: the post-purchase transitions (steps after a journey's first purchase), with the
// share of the post-purchase transitions leaving the same touchpoint. The path to purchase is the other layer of the
// aggregated graph, whose purchase edges leave the purchase events.
MATCH (a:Touchpoint)-[r:TRANSITION {postPurchase: true}]->(b:Touchpoint)
RETURN a.name AS touchpoint, b.name AS next, r.journeys AS journeys, r.count AS transitions,
       round(r.probability, 4) AS share
ORDER BY journeys DESC, touchpoint, next
LIMIT 20;
