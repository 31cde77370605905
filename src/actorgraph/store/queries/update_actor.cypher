// Replace an actor's descriptive properties (name, kind, description, wikidata, country).
MATCH (a:Actor {id: $id})
SET a += $props,
    a.name_keys = coalesce(a.name_keys, []) + [x IN $keys WHERE NOT x IN coalesce(a.name_keys, [])]
FOREACH (key IN $keys | MERGE (k:NameKey {key: key}) MERGE (k)-[:NAMES]->(a))
RETURN a.id AS id
