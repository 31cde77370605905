// Upsert statements with their provenance: who MADE it, which allegation it is ON, where it was
// REPORTED_IN, for whom it was said (ON_BEHALF_OF) and the source it was quoted from (QUOTED_FROM).
// `recorded_at` (transaction time, to the millisecond) is set once, when the statement is first written:
// a re-load or a rewrite keeps it, so loading the same dossier again changes nothing.
UNWIND $rows AS row
OPTIONAL MATCH (old:Statement {id: row.id})
WITH row, old, CASE
  WHEN old IS NULL THEN 'created'
  WHEN all(k IN keys(row.props) WHERE old[k] = row.props[k] OR (old[k] IS NULL AND row.props[k] IS NULL)) THEN 'unchanged'
  ELSE 'updated' END AS change
MERGE (n:Statement {id: row.id})
ON CREATE SET n.recorded_at = datetime.truncate('millisecond', datetime.transaction())
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
// The source it was quoted from (QUOTED_FROM), as its row says now.
CALL (n, row) {
  MATCH (n)-[stale:QUOTED_FROM]->(x:Source)
  WHERE row.quoted_from IS NULL OR x.id <> row.quoted_from
  DELETE stale
}
CALL (n, row) {
  MATCH (q:Source {id: row.quoted_from})
  MERGE (n)-[:QUOTED_FROM]->(q)
}
RETURN change, count(*) AS n
