// Unmerge: the actor a merge absorbed, back as it was (labels, properties) with its name index entries.
CREATE (m:$($labels))
SET m = $props
FOREACH (key IN coalesce($props.name_keys, []) | MERGE (nk:NameKey {key: key}) MERGE (nk)-[:NAMES]->(m))
RETURN m.id AS id
