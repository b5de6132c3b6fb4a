// The ten most common paths to purchase: each journey's steps up to and including its first purchase.
MATCH (j:Journey {outcome: 'PURCHASE'})
WITH j.path[0..j.purchaseIndex + 1] AS path, j.weight AS weight
RETURN path, sum(weight) AS journeys
ORDER BY journeys DESC, path
LIMIT 10;
