// Where customers leave for a competitor: per own touchpoint and competitor, the journeys that go from the one
// straight to the other at least once (whole journeys, after a purchase too) and their share of the journeys visiting
// the touchpoint, the rate /api/diversions gives (journeys counted by their weight). Worst first.
MATCH (j:Journey)-[v:VISITED]->(own:Touchpoint {owner: 'own'})
MATCH (j)-[next:VISITED {index: v.index + 1}]->(rival:Touchpoint {owner: 'competitor'})
WITH own, rival, collect(DISTINCT j) AS diverted
CALL (own) {
  MATCH (visitor:Journey)-[:VISITED]->(own)
  WITH DISTINCT visitor
  RETURN sum(visitor.weight) AS visitors
}
WITH own, rival, reduce(total = 0, journey IN diverted | total + journey.weight) AS journeys, visitors
RETURN own.name AS touchpoint, own.stage AS stage, rival.name AS competitor, journeys,
       round(toFloat(journeys) / visitors, 4) AS rate
ORDER BY journeys DESC, touchpoint, competitor
LIMIT 20;
