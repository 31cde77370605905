// The chain of custody of a batch of statements and sources ($keys: {label, id}): the source a statement
// was quoted from or a source derives from (`link`), the root of its chain (`origin`), whether it is a
// copy, and a statement's effective reliability (its source's grade, else its speaker's default).
UNWIND $keys AS k
CALL (k) {
  MATCH (s:Statement {id: k.id}) WHERE k.label = 'Statement'
  OPTIONAL MATCH (s)-[:QUOTED_FROM]->(q:Source)
  OPTIONAL MATCH (s)-[:REPORTED_IN]->(r:Source)
  OPTIONAL MATCH (sp:Actor)-[:MADE]->(s)
  WITH q, coalesce(q, r) AS start, coalesce(r.reliability, sp.reliability) AS reliability
  OPTIONAL MATCH chain = (start)-[:DERIVED_FROM*0..32]->(root:Source) WHERE NOT (root)-[:DERIVED_FROM]->()
  RETURN q.id AS link, root.id AS origin, q IS NOT NULL OR coalesce(length(chain), 0) > 0 AS copied, reliability
  UNION ALL
  MATCH (n:Source {id: k.id}) WHERE k.label = 'Source'
  OPTIONAL MATCH (n)-[:DERIVED_FROM]->(d:Source)
  OPTIONAL MATCH chain = (n)-[:DERIVED_FROM*0..32]->(root:Source) WHERE NOT (root)-[:DERIVED_FROM]->()
  RETURN d.id AS link, root.id AS origin, coalesce(length(chain), 0) > 0 AS copied, n.reliability AS reliability
}
RETURN k.label AS label, k.id AS id, link, origin, copied, reliability
