// Actors known under the normalised name $key (as name or alias): one index seek on NameKey.
MATCH (:NameKey {key: $key})-[:NAMES]->(a:Actor)
RETURN a.id AS id
