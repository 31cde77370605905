// Upsert sources by id; returns one row per change kind (created / updated / unchanged).
UNWIND $rows AS row
OPTIONAL MATCH (old:Source {id: row.id})
WITH row, old, CASE
  WHEN old IS NULL THEN 'created'
  WHEN all(k IN keys(row.props) WHERE old[k] = row.props[k] OR (old[k] IS NULL AND row.props[k] IS NULL)) THEN 'unchanged'
  ELSE 'updated' END AS change
MERGE (n:Source {id: row.id})
SET n += row.props
RETURN change, count(*) AS n
