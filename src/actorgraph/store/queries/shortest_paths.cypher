// All shortest paths of derived relationships (any direction) between two actors, up to $max_length.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = allShortestPaths((a)-[*..10]-(b))
WHERE length(p) <= $max_length AND all(r IN relationships(p) WHERE type(r) IN $types)
WITH p LIMIT $limit
UNWIND relationships(p) AS r
RETURN DISTINCT startNode(r).id AS source, endNode(r).id AS target, type(r) AS type, r.count AS count,
       r.statements AS statements
