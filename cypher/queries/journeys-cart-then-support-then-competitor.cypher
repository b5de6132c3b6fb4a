// Journeys that put something in the cart, then contacted support, then went to a competitor:
// the customers whose questions at checkout we failed to answer. Each step is a VISITED relationship from the journey
// to the touchpoint, numbered by `index`; later steps have larger indexes.
MATCH (j:Journey)-[cart:VISITED]->(:Touchpoint {name: 'Cart'}),
      (j)-[support:VISITED]->(desk:Touchpoint {channel: 'support'}),
      (j)-[rival:VISITED]->(competitor:Touchpoint {owner: 'competitor'})
WHERE cart.index < support.index < rival.index
RETURN DISTINCT j.id AS journey, j.segment AS segment, desk.name AS support, competitor.name AS competitor,
       j.outcome AS outcome
ORDER BY journey
LIMIT 100;
