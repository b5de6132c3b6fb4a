// Journeys that put something in the cart, then contacted support, then went to a competitor:
// the customers whose questions at checkout we failed to answer.
MATCH (j:Journey)-[:FIRST]->(:Step)-[:NEXT*0..]->(cart:Step)-[:AT]->(:Touchpoint {stage: 'purchase'})
WHERE cart.touchpoint CONTAINS 'Cart'
MATCH (cart)-[:NEXT*1..]->(support:Step)-[:AT]->(:Touchpoint {channel: 'support'})
MATCH (support)-[:NEXT*1..]->(rival:Step)-[:AT]->(competitor:Touchpoint {owner: 'competitor'})
RETURN j.id AS journey, j.segment AS segment, support.touchpoint AS support, competitor.name AS competitor,
       j.outcome AS outcome
ORDER BY journey
LIMIT 100;
