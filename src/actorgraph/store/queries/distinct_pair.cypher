// Whether two actors are marked "not the same" (either direction).
MATCH (a:Actor {id: $a})-[r:DISTINCT_FROM]-(b:Actor {id: $b})
RETURN properties(r) AS props
