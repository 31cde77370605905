// `db check`: every source's text, against which each quote is checked at its offsets, and the sources
// it derives from (DERIVED_FROM; a list, so that a doubled link shows).
MATCH (s:Source)
RETURN s.id AS id, s.text AS text, [(s)-[:DERIVED_FROM]->(o:Source) | o.id] AS derived_from
