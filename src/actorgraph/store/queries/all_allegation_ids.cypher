// Every allegation id (a full rebuild of the derived data starts from all of them).
MATCH (a:Allegation) RETURN a.id AS id
