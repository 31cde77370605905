// Upsert actors; aliases and name_keys are unions so no dossier removes another's names. Each name
// key is also a NameKey node NAMES-ing the actor: the index alias resolution looks names up in.
// Returns one row per change kind (created / updated / unchanged) with its count, and the ids of the
// actors this very transaction created (ON CREATE: reliable even when another writer races on them),
// whose derived relationships can only be new (store/derived.py creates them without looking).
UNWIND $rows AS row
OPTIONAL MATCH (old:Actor {id: row.id})
WITH row, old, CASE
  WHEN old IS NULL THEN 'created'
  WHEN all(k IN keys(row.props) WHERE old[k] = row.props[k] OR (old[k] IS NULL AND row.props[k] IS NULL))
   AND all(x IN row.aliases WHERE x IN coalesce(old.aliases, []))
   AND all(x IN row.name_keys WHERE x IN coalesce(old.name_keys, [])) THEN 'unchanged'
  ELSE 'updated' END AS change
MERGE (n:Actor {id: row.id})
ON CREATE SET n._created = true
SET n += row.props,
    n.aliases = coalesce(n.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(n.aliases, [])],
    n.name_keys = coalesce(n.name_keys, []) + [x IN row.name_keys WHERE NOT x IN coalesce(n.name_keys, [])]
FOREACH (key IN row.name_keys |
  MERGE (k:NameKey {key: key})
  MERGE (k)-[:NAMES]->(n))
WITH n, change, coalesce(n._created, false) AS fresh
REMOVE n._created
RETURN change, count(*) AS n, collect(CASE WHEN fresh THEN n.id END) AS created
