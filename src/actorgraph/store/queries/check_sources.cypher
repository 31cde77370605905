// `db check`: every source's text, against which each quote is checked at its offsets.
MATCH (s:Source)
RETURN s.id AS id, s.text AS text
