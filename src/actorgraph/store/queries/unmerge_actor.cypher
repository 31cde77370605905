// Unmerge: the kept actor gives back the names, statements and "not the same" marks the merge gave it.
MATCH (k:Actor {id: $keep}), (m:Actor {id: $merged})
SET k.aliases = [x IN k.aliases WHERE NOT x IN $added_aliases],
    k.name_keys = [x IN k.name_keys WHERE NOT x IN $added_keys]
WITH k, m
CALL (k) { MATCH (nk:NameKey)-[r:NAMES]->(k) WHERE nk.key IN $added_keys DELETE r }
CALL (k, m) { UNWIND $made AS sid MATCH (k)-[r:MADE]->(s:Statement {id: sid}) DELETE r CREATE (m)-[:MADE]->(s) }
CALL (k, m) {
  UNWIND $spoken_for AS sid
  MATCH (s:Statement {id: sid})-[r:ON_BEHALF_OF]->(k)
  DELETE r CREATE (s)-[:ON_BEHALF_OF]->(m)
}
CALL (k) { UNWIND $added_distinct AS oid MATCH (k)-[r:DISTINCT_FROM]-(:Actor {id: oid}) DELETE r }
RETURN k.id AS id
