// Journeys that put something in the cart, then contacted support, then went to a competitor:
// the customers whose questions at checkout we failed to answer. Each step is a VISITED relationship from the journey
// to the touchpoint, numbered by `index`; later steps have larger indexes. The outcome is the one
// /api/journeys/{id} shows: OPEN for a journey still in progress (derived as in competitor-diversions.cypher: 30 days
// unless the setting journeys.open-horizon was changed), else the stored one.
MATCH (any:Journey) WHERE any.endedAt IS NOT NULL AND coalesce(any.openHorizon, -1) <> 0
WITH max(any.endedAt) AS latest
MATCH (j:Journey)-[cart:VISITED]->(:Touchpoint {name: 'Cart'}),
      (j)-[support:VISITED]->(desk:Touchpoint {channel: 'support'}),
      (j)-[rival:VISITED]->(competitor:Touchpoint {owner: 'competitor'})
WHERE cart.index < support.index < rival.index
RETURN DISTINCT j.id AS journey, j.segment AS segment, desk.name AS support, competitor.name AS competitor,
       CASE WHEN j.endedAt IS NOT NULL AND j.purchaseIndex < 0 AND NOT 2 IN j.stepTypes
                 AND coalesce(j.openHorizon, 2592000000) > 0
                 AND j.endedAt + duration({milliseconds: coalesce(j.openHorizon, 2592000000)}) > latest
            THEN 'OPEN' ELSE j.outcome END AS outcome
ORDER BY journey
LIMIT 100;
