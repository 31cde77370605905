// Each source's DERIVED_FROM link as its row says (rows {id, derived_from}): to the source named (the
// loader checked it exists and ordered the load so it is written first), none when null; a stale link goes.
UNWIND $rows AS row
MATCH (n:Source {id: row.id})
CALL (n, row) {
  MATCH (n)-[stale:DERIVED_FROM]->(x:Source)
  WHERE row.derived_from IS NULL OR x.id <> row.derived_from
  DELETE stale
}
CALL (n, row) {
  MATCH (o:Source {id: row.derived_from})
  MERGE (n)-[:DERIVED_FROM]->(o)
}
RETURN count(*) AS n
