// The actors each of $ids is marked "not the same" as, for alias resolution.
UNWIND $ids AS aid
MATCH (:Actor {id: aid})-[:DISTINCT_FROM]-(o:Actor)
RETURN aid AS id, collect(o.id) AS distinct
