// `db check`: every relationship grouped by type and the model labels ($labels) of its ends, for the
// "shape" check; '?' stands for a node with no model label (or several).
MATCH (a)-[r]->(b)
WITH type(r) AS type,
     [l IN labels(a) WHERE l IN $labels] AS la,
     [l IN labels(b) WHERE l IN $labels] AS lb
RETURN type,
       CASE WHEN size(la) = 1 THEN la[0] ELSE '?' END AS start,
       CASE WHEN size(lb) = 1 THEN lb[0] ELSE '?' END AS end,
       count(*) AS n
