// `db check`: every node in the database with its model labels ($labels) and id, for the "ids" check
// (one model label per node, ids unique across labels). Housekeeping nodes ($housekeeping: the name
// index, the load records) are not data and are passed by.
MATCH (n) WHERE none(l IN labels(n) WHERE l IN $housekeeping)
RETURN [l IN labels(n) WHERE l IN $labels] AS labels, n.id AS id
