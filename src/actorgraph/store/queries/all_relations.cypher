// Every derived relationship (types: $types, the RelationType values) with its evidence, for the
// check that stored derived data equals a rebuild.
MATCH (x:Actor)-[r:$any($types)]->(y)
RETURN type(r) AS type, x.id AS source, y.id AS target, r.statements AS statements, r.count AS count,
       r.first_stated AS first_stated, r.last_stated AS last_stated
