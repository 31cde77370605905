// Move everything of actor $merge onto actor $keep (statements made, statements spoken for,
// allegations about), then delete $merge. Returns the allegations whose subject/object changed.
MATCH (k:Actor {id: $keep}), (m:Actor {id: $merge})
CALL (k, m) { MATCH (m)-[r:MADE]->(s) MERGE (k)-[:MADE]->(s) DELETE r }
CALL (k, m) { MATCH (s)-[r:ON_BEHALF_OF]->(m) MERGE (s)-[:ON_BEHALF_OF]->(k) DELETE r }
CALL (k, m) { MATCH (a)-[r:SUBJECT]->(m) MERGE (a)-[:SUBJECT]->(k) DELETE r }
CALL (k, m) { MATCH (a)-[r:OBJECT]->(m) MERGE (a)-[:OBJECT]->(k) DELETE r }
SET k.aliases = k.aliases + [x IN [m.name] + coalesce(m.aliases, []) WHERE NOT x IN coalesce(k.aliases, []) AND x <> k.name],
    k.name_keys = k.name_keys + [x IN coalesce(m.name_keys, []) WHERE NOT x IN coalesce(k.name_keys, [])]
FOREACH (key IN coalesce(m.name_keys, []) | MERGE (nk:NameKey {key: key}) MERGE (nk)-[:NAMES]->(k))
WITH k, m
DETACH DELETE m
WITH k
MATCH (a:Allegation)-[:SUBJECT|OBJECT]->(k)
MATCH (a)-[:SUBJECT]->(s:Actor)
MATCH (a)-[:OBJECT]->(o)
RETURN DISTINCT a.id AS id, a.predicate AS predicate, s.id AS subject, o.id AS object
