// Take back "not the same" marks between actor pairs (either direction).
UNWIND $rows AS row
MATCH (:Actor {id: row.a})-[r:DISTINCT_FROM]-(:Actor {id: row.b})
DELETE r
RETURN count(r) AS n
