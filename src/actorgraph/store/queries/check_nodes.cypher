// `db check`: every data node with its model labels ($labels) and id, for the "ids" check (one model
// label per node, ids unique across labels); bookkeeping nodes ($index: the name index, load records) aside.
MATCH (n) WHERE none(l IN labels(n) WHERE l IN $index)
RETURN [l IN labels(n) WHERE l IN $labels] AS labels, n.id AS id
