// Every actor's id, name and normalised names: the table alias resolution works from.
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, coalesce(a.name_keys, []) AS keys
