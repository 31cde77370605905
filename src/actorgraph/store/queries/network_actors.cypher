// Every actor: the nodes of the unfiltered network (isolated actors included).
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind
