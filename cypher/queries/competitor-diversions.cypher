// Where customers leave for a competitor: own touchpoint -> competitor touchpoint transitions, with the share of
// everything that leaves the own touchpoint in the same layer (on the way to purchase, or after it): the diversion rate.
MATCH (own:Touchpoint {owner: 'own'})-[r:TRANSITION]->(rival:Touchpoint {owner: 'competitor'})
MATCH (own)-[out:TRANSITION {postPurchase: r.postPurchase}]->()
WITH own, rival, r, sum(out.count) AS leaving
RETURN own.name AS touchpoint, own.stage AS stage, rival.name AS competitor, r.postPurchase AS postPurchase,
       r.journeys AS journeys,
       round(toFloat(r.count) / leaving, 4) AS diversionRate
ORDER BY journeys DESC
LIMIT 20;
