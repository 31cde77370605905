// Remove every derived relationship (types: $types): the first step of a full rebuild.
MATCH (:Actor)-[r:$any($types)]->()
DELETE r
