// What undoing a merge needs, read before it runs: the actor to be absorbed as it is, its statements,
// its "not the same" marks, and which of its names and marks the kept actor lacks.
MATCH (k:Actor {id: $keep}), (m:Actor {id: $merge})
RETURN labels(m) AS labels, properties(m) AS props,
       [(m)-[:MADE]->(s:Statement) | s.id] AS made,
       [(s:Statement)-[:ON_BEHALF_OF]->(m) | s.id] AS spoken_for,
       [x IN [m.name] + coalesce(m.aliases, []) WHERE NOT x IN coalesce(k.aliases, []) AND x <> k.name] AS added_aliases,
       [x IN coalesce(m.name_keys, []) WHERE NOT x IN coalesce(k.name_keys, [])] AS added_keys,
       [(m)-[r:DISTINCT_FROM]-(o:Actor) | {other: o.id, outgoing: startNode(r) = m, props: properties(r)}] AS distinct,
       [(k)-[:DISTINCT_FROM]-(o:Actor) | o.id] AS keep_distinct
