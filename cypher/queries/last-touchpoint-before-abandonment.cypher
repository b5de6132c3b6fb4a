// The touchpoints where abandoned journeys end: the last step of each abandoned journey, counted by the journeys'
// weight (the toAbandonment of /api/dropoff). Journeys still in progress lead to the (open) node instead.
MATCH (t:Touchpoint)-[r:TRANSITION]->(:Outcome {outcome: 'ABANDONED'})
RETURN t.name AS touchpoint, t.stage AS stage, r.journeys AS abandonedJourneys
ORDER BY abandonedJourneys DESC
LIMIT 20;
