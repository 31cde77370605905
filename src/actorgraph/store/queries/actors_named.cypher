// Actors known under the normalised name $key (as name or alias).
MATCH (a:Actor) WHERE $key IN a.name_keys
RETURN a.id AS id
