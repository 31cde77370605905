// Add a name an actor is known by (and its normalised key).
MATCH (a:Actor {id: $id})
SET a.aliases = coalesce(a.aliases, []) + [x IN [$alias] WHERE NOT x IN coalesce(a.aliases, []) AND x <> a.name],
    a.name_keys = coalesce(a.name_keys, []) + [x IN [$key] WHERE NOT x IN coalesce(a.name_keys, [])]
MERGE (k:NameKey {key: $key})
MERGE (k)-[:NAMES]->(a)
RETURN a.id AS id
