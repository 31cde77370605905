// Every relationship between our nodes, by type, with its properties (the name index, the load and
// audit records and the "not the same" marks are housekeeping, not data).
MATCH (a)-[r]->(b)
WHERE NOT a:NameKey AND NOT a:Dossier AND NOT a:Change AND type(r) <> 'DISTINCT_FROM'
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY type, source, target
