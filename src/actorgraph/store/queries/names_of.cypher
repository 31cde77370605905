// What alias resolution needs about the actors a batch of dossiers may resolve to: those with an id
// in $ids and those known under a normalised name in $keys (index seeks only, never a scan of actors).
CALL () {
  UNWIND $ids AS aid
  MATCH (a:Actor {id: aid})
  RETURN a
  UNION
  UNWIND $keys AS key
  MATCH (:NameKey {key: key})-[:NAMES]->(a:Actor)
  RETURN a
}
RETURN a.id AS id, a.name AS name, coalesce(a.name_keys, []) AS keys
