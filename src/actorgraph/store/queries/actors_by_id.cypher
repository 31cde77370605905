// The actors named in $ids: the nodes of a filtered network.
UNWIND $ids AS xid
MATCH (a:Actor {id: xid})
RETURN a.id AS id, a.name AS name, a.kind AS kind
