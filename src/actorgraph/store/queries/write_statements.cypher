// Upsert statements with their provenance: who MADE it, which allegation it is ON, where it was
// REPORTED_IN, and for whom it was said (ON_BEHALF_OF).
UNWIND $rows AS row
OPTIONAL MATCH (old:Statement {id: row.id})
WITH row, old, CASE
  WHEN old IS NULL THEN 'created'
  WHEN all(k IN keys(row.props) WHERE old[k] = row.props[k] OR (old[k] IS NULL AND row.props[k] IS NULL)) THEN 'unchanged'
  ELSE 'updated' END AS change
MERGE (n:Statement {id: row.id})
SET n += row.props
WITH n, row, change
MATCH (speaker:Actor {id: row.speaker})
MATCH (a:Allegation {id: row.allegation})
MATCH (src:Source {id: row.source})
MERGE (speaker)-[:MADE]->(n)
MERGE (n)-[:ON]->(a)
MERGE (n)-[:REPORTED_IN]->(src)
FOREACH (ob IN CASE WHEN row.on_behalf_of IS NULL THEN [] ELSE [row.on_behalf_of] END |
  MERGE (b:Actor {id: ob})
  MERGE (n)-[:ON_BEHALF_OF]->(b))
WITH n, row, change
// A rewritten statement may now be said for someone else, or for no one: drop the old link.
CALL (n, row) {
  MATCH (n)-[stale:ON_BEHALF_OF]->(x:Actor)
  WHERE row.on_behalf_of IS NULL OR x.id <> row.on_behalf_of
  DELETE stale
}
RETURN change, count(*) AS n
