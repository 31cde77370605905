// Remove every derived relationship (types: $types, the RelationType values) touching $actors; the
// refresh rebuilds them right after from the accounts it read.
UNWIND $actors AS xid
MATCH (x:Actor {id: xid})-[r:$any($types)]-()
DELETE r
