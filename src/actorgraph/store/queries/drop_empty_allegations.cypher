// Unmerge: the allegations a merge created by re-keying, once their statements went back (none left).
UNWIND $ids AS aid
MATCH (a:Allegation {id: aid})
WHERE NOT EXISTS { (:Statement)-[:ON]->(a) }
DETACH DELETE a
RETURN count(*) AS n
