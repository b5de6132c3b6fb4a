// How customers feel at each touchpoint: the survey answers joined to journeys, per touchpoint they are about, with
// the mean score normalized to 0..1 ((score - min) / (max - min) on the answer's scale, 1 the best answer) and the
// shares of positive and negative answers (NPS promoters 9-10 and detractors 0-6; CSAT and ratings 4-5 and 1-2; CES 5-7
// and 1-3; sentiment at least 0.25 and at most -0.25), the figures /api/experience?by=touchpoint gives. Worst first.
// The answers of a journal entry still being written (status 'running': an import under way, or one a stopped process
// left, rolled back at the next start) or of an undone entry whose answers are still being deleted (answersLeft) are
// left out, as the app leaves them out.
OPTIONAL MATCH (entry:Import) WHERE entry.status = 'running' OR entry.answersLeft
WITH collect(entry.id) AS hidden
MATCH (:Journey)-[a:ANSWERED]->(t:Touchpoint)
WHERE a.importId IS NULL OR NOT a.importId IN hidden
WITH t, a,
     CASE a.scale
       WHEN 'nps' THEN [0.0, 10.0, 9.0, 6.0]
       WHEN 'ces' THEN [1.0, 7.0, 5.0, 3.0]
       WHEN 'sentiment' THEN [-1.0, 1.0, 0.25, -0.25]
       ELSE [1.0, 5.0, 4.0, 2.0]
     END AS scale
WITH t, count(a) AS answers,
     avg((a.score - scale[0]) / (scale[1] - scale[0])) AS meanScore,
     sum(CASE WHEN a.score >= scale[2] THEN 1 ELSE 0 END) AS positive,
     sum(CASE WHEN a.score <= scale[3] THEN 1 ELSE 0 END) AS negative
RETURN t.name AS touchpoint, t.stage AS stage, answers, round(meanScore, 4) AS meanScore,
       round(toFloat(positive) / answers, 4) AS positiveShare, round(toFloat(negative) / answers, 4) AS negativeShare
ORDER BY meanScore, touchpoint
LIMIT 50;
