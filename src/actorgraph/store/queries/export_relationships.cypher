// Every relationship between our nodes, by type, with its properties (the name index and the load
// records are housekeeping, not data).
MATCH (a)-[r]->(b)
WHERE NOT a:NameKey AND NOT a:Dossier
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY type, source, target
