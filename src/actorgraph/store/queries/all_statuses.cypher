// Every allegation's stored status (the check against a rebuild).
MATCH (a:Allegation) RETURN a.id AS id, a.status AS status
