// Create statements that do not exist yet (the loader checked, under the locks of their allegations,
// so no other writer can be creating them): CREATE and links, no MERGE, no comparison with an old
// version. Rows as for write_statements (`recorded_at` too: the transaction's time); returns the count
// as a 'created' change.
UNWIND $rows AS row
MATCH (speaker:Actor {id: row.speaker})
MATCH (a:Allegation {id: row.allegation})
MATCH (src:Source {id: row.source})
CREATE (speaker)-[:MADE]->(n:Statement {id: row.id})-[:ON]->(a)
SET n += row.props, n.recorded_at = datetime.truncate('millisecond', datetime.transaction())
CREATE (n)-[:REPORTED_IN]->(src)
WITH n, row
CALL (n, row) {
  MATCH (b:Actor {id: row.on_behalf_of})
  CREATE (n)-[:ON_BEHALF_OF]->(b)
}
CALL (n, row) {
  MATCH (q:Source {id: row.quoted_from})
  CREATE (n)-[:QUOTED_FROM]->(q)
}
RETURN 'created' AS change, count(*) AS n
