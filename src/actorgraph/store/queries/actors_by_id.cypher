// The actors named in $ids with their kinds: the nodes of a filtered network; a write's actors before it
// (does one become or stop being a reporting voice?).
UNWIND $ids AS xid
MATCH (a:Actor {id: xid})
RETURN a.id AS id, a.name AS name, a.kind AS kind
