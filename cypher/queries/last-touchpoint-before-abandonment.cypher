// The touchpoints where abandoned journeys end: the last step of each abandoned journey.
MATCH (t:Touchpoint)-[r:TRANSITION]->(:Outcome {outcome: 'ABANDONED'})
RETURN t.name AS touchpoint, t.stage AS stage, r.journeys AS abandonedJourneys
ORDER BY abandonedJourneys DESC
LIMIT 20;
