// Upsert allegations with their SUBJECT and OBJECT links. A verdict already set (e.g. through the
// API) is kept unless the dossier gives one. `status` is derived afterwards, never written here.
UNWIND $rows AS row
OPTIONAL MATCH (old:Allegation {id: row.id})
WITH row, old, CASE
  WHEN old IS NULL THEN 'created'
  WHEN all(k IN keys(row.props) WHERE old[k] = row.props[k] OR (old[k] IS NULL AND row.props[k] IS NULL))
   AND (row.verdict IS NULL OR (old.verdict = row.verdict.verdict
        AND old.verdict_rationale = row.verdict.verdict_rationale
        AND coalesce(old.verdict_source, '') = coalesce(row.verdict.verdict_source, '')
        AND (row.verdict.verdict_on IS NULL OR old.verdict_on = row.verdict.verdict_on))) THEN 'unchanged'
  ELSE 'updated' END AS change
MERGE (n:Allegation {id: row.id})
SET n += row.props
FOREACH (v IN CASE WHEN row.verdict IS NULL THEN [] ELSE [row.verdict] END | SET n += v)
WITH n, row, change
MATCH (s:Actor {id: row.subject})
OPTIONAL MATCH (oa:Actor {id: row.object})
OPTIONAL MATCH (oe:Event {id: row.object})
WITH n, s, coalesce(oa, oe) AS o, change
MERGE (n)-[:SUBJECT]->(s)
MERGE (n)-[:OBJECT]->(o)
RETURN change, count(*) AS n
