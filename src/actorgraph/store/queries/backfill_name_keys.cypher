// Give every actor's name keys their NameKey node (graphs written before the name index existed);
// idempotent, run by `actorgraph db init`.
MATCH (a:Actor) WHERE a.name_keys IS NOT NULL
UNWIND a.name_keys AS key
MERGE (k:NameKey {key: key})
MERGE (k)-[:NAMES]->(a)
RETURN count(*) AS keys
