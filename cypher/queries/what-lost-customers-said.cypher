// What the customers who were lost said: the negative survey answers with a comment on journeys that ended abandoned
// or at a competitor, newest first (answers without a time last), with the touchpoint each is about: its `touchpoint`,
// which an answer keeps when an undo deleted the touchpoint (it then points at its journey), else '(the journey)' for
// an answer about the journey as a whole, a relationship from the journey to itself. Negative as in
// experience-by-touchpoint.cypher. Journeys still in progress are not lost yet and are left out (OPEN as in
// competitor-diversions.cypher: 30 days unless the setting journeys.open-horizon was changed). Answers of a journal
// entry still being written or of an undone one still being deleted are left out, as in
// experience-by-touchpoint.cypher.
OPTIONAL MATCH (entry:Import) WHERE entry.status = 'running' OR entry.answersLeft
WITH collect(entry.id) AS hidden
MATCH (any:Journey) WHERE any.endedAt IS NOT NULL AND coalesce(any.openHorizon, -1) <> 0
WITH hidden, max(any.endedAt) AS latest
MATCH (j:Journey)-[a:ANSWERED]->(about)
WHERE j.outcome IN ['ABANDONED', 'DIVERTED'] AND a.comment IS NOT NULL
  AND (a.importId IS NULL OR NOT a.importId IN hidden)
  AND NOT (j.endedAt IS NOT NULL AND j.purchaseIndex < 0 AND NOT 2 IN j.stepTypes
           AND coalesce(j.openHorizon, 2592000000) > 0
           AND j.endedAt + duration({milliseconds: coalesce(j.openHorizon, 2592000000)}) > latest)
  AND a.score <= CASE a.scale WHEN 'nps' THEN 6 WHEN 'ces' THEN 3 WHEN 'sentiment' THEN -0.25 ELSE 2 END
RETURN j.id AS journey, j.outcome AS outcome,
       coalesce(a.touchpoint, about.name, '(the journey)') AS touchpoint, a.scale AS scale,
       a.score AS score, a.comment AS comment, a.at AS at
ORDER BY at IS NULL, at DESC, journey
LIMIT 25;
