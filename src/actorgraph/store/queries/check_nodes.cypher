// `db check`: every node in the database with its model labels ($labels) and id, for the "ids" check
// (one model label per node, ids unique across labels).
MATCH (n)
RETURN [l IN labels(n) WHERE l IN $labels] AS labels, n.id AS id
