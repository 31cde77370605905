// Every actor id (a full rebuild of the derived data rebuilds every actor's relationships).
MATCH (x:Actor) RETURN x.id AS id
