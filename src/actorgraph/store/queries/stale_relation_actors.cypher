// Actors at either end of a derived relationship (types: $types) that cites a statement no longer
// in the graph (a statement was deleted): their relationships are rebuilt by the refresh.
MATCH (x:Actor)-[r:$any($types)]->(y)
WHERE any(sid IN r.statements WHERE NOT EXISTS { MATCH (:Statement {id: sid}) })
UNWIND [x, y] AS end
WITH end WHERE end:Actor
RETURN collect(DISTINCT end.id) AS actors
