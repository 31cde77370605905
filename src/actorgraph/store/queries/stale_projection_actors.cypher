// Actors at either end of a derived relationship that cites a statement no longer in the graph
// (a statement was deleted): their relationships are rebuilt by the refresh.
MATCH (x:Actor)-[r:ACCUSES|DENIES_INVOLVEMENT|CLAIMS_RESPONSIBILITY|CONTRADICTS|OPPOSES|SUPPORTS|ALLIED_WITH|PART_OF|SPEAKS_FOR|LEADS]->(y)
WHERE any(sid IN r.statements WHERE NOT EXISTS { MATCH (:Statement {id: sid}) })
UNWIND [x, y] AS end
WITH end WHERE end:Actor
RETURN collect(DISTINCT end.id) AS actors
