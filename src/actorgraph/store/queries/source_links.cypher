// The stored DERIVED_FROM target of each source in $ids (null when it derives from none), and the chain
// of sources above it to its root: what a load checks (known ids, no loop) and compares (a changed link).
UNWIND $ids AS sid
MATCH (n:Source {id: sid})
OPTIONAL MATCH chain = (n)-[:DERIVED_FROM*1..32]->(root:Source) WHERE NOT (root)-[:DERIVED_FROM]->()
RETURN n.id AS id, [x IN coalesce(nodes(chain), [])[1..] | x.id] AS above
