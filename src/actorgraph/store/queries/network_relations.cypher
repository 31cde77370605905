// Every derived actor-to-actor relationship with its evidence: the edges
// of the unfiltered network. Relationships to events are not part of the actor network. The statement
// id lists are the bulk of the transfer: sent only when $with_statements (contradictions need them).
MATCH (a:Actor)-[r:ACCUSES|CONTRADICTS|OPPOSES|SUPPORTS|ALLIED_WITH|PART_OF|SPEAKS_FOR|LEADS|DENIES_INVOLVEMENT]->(b:Actor)
RETURN a.id AS source, b.id AS target, type(r) AS type, r.count AS count,
       CASE WHEN $with_statements THEN r.statements ELSE [] END AS statements,
       r.first_stated AS first_stated, r.last_stated AS last_stated
