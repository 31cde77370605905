// The 50 actors who made the most statements: the API benchmark's request bodies rotate over them.
MATCH (a:Actor)-[:MADE]->(s) WITH a, count(s) AS n ORDER BY n DESC, a.id RETURN a.id AS id LIMIT 50
