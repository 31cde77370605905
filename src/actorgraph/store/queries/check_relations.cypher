// `db check`: every stored derived relationship ($types: the RelationType values) with its evidence,
// compared with what the rules derive from the statements.
MATCH (a)-[r:$any($types)]->(b)
RETURN type(r) AS type, a.id AS source, b.id AS target, r.statements AS statements, r.count AS count,
       r.first_stated AS first_stated, r.last_stated AS last_stated
