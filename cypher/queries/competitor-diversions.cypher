// Where customers leave for a competitor: per own touchpoint and competitor, the journeys that go from the one
// straight to the other at least once (whole journeys, after a purchase too) and their share of the journeys visiting
// the touchpoint, the rate /api/diversions gives (journeys counted by their weight; finished journeys only, as there
// by default). Worst first.
// A journey is still in progress (OPEN) when it has no purchase and no abandon event (step type 2) and its last event
// is less than its open horizon before the latest event of the data (of the journeys not imported as a finished log,
// openHorizon 0): the journey's openHorizon (ms) when its import gave one, else the setting journeys.open-horizon,
// 30 days (2592000000 ms) unless changed: change it here too.
MATCH (any:Journey) WHERE any.endedAt IS NOT NULL AND coalesce(any.openHorizon, -1) <> 0
WITH max(any.endedAt) AS latest
MATCH (j:Journey)-[v:VISITED]->(own:Touchpoint {owner: 'own'})
WHERE NOT (j.endedAt IS NOT NULL AND j.purchaseIndex < 0 AND NOT 2 IN j.stepTypes
           AND coalesce(j.openHorizon, 2592000000) > 0
           AND j.endedAt + duration({milliseconds: coalesce(j.openHorizon, 2592000000)}) > latest)
MATCH (j)-[next:VISITED {index: v.index + 1}]->(rival:Touchpoint {owner: 'competitor'})
WITH latest, own, rival, collect(DISTINCT j) AS diverted
CALL (own, latest) {
  MATCH (visitor:Journey)-[:VISITED]->(own)
  WHERE NOT (visitor.endedAt IS NOT NULL AND visitor.purchaseIndex < 0 AND NOT 2 IN visitor.stepTypes
             AND coalesce(visitor.openHorizon, 2592000000) > 0
             AND visitor.endedAt + duration({milliseconds: coalesce(visitor.openHorizon, 2592000000)}) > latest)
  WITH DISTINCT visitor
  RETURN sum(visitor.weight) AS visitors
}
WITH own, rival, reduce(total = 0, journey IN diverted | total + journey.weight) AS journeys, visitors
RETURN own.name AS touchpoint, own.stage AS stage, rival.name AS competitor, journeys,
       round(toFloat(journeys) / visitors, 4) AS rate
ORDER BY journeys DESC, touchpoint, competitor
LIMIT 20;
