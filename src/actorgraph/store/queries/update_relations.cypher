// Update derived relationships in place, one row per (type, source, target): take away the statements
// in row.removed, add those in row.added, keep count and dates in step; a relationship left with no
// statement goes. row.type is a RelationType value (store/derived.py). The relationship is locked
// before it is read (the `_lock` idiom), so concurrent writers never lose each other's evidence. The
// date range is recomputed from the statements only when a removed date sat on its edge.
UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
OPTIONAL MATCH (ta:Actor {id: row.target})
OPTIONAL MATCH (te:Event {id: row.target})
WITH row, a, coalesce(ta, te) AS b
WHERE b IS NOT NULL
CALL (row, a, b) {
  WITH row, a, b WHERE size(row.added) > 0
  MERGE (a)-[r:$(row.type)]->(b)
  RETURN r
  UNION
  WITH row, a, b WHERE size(row.added) = 0
  MATCH (a)-[r:$(row.type)]->(b)
  RETURN r
}
SET r._lock = true
WITH row, r, [x IN coalesce(r.statements, []) WHERE NOT x IN row.removed] AS kept
WITH row, r, kept + [x IN row.added WHERE NOT x IN kept] AS merged,
     any(d IN row.removed_dates WHERE d <= r.first_stated OR d >= r.last_stated) AS stale
CALL (merged) { UNWIND merged AS sid WITH sid ORDER BY sid RETURN collect(sid) AS statements }
CALL (statements, stale) {
  UNWIND CASE WHEN stale THEN statements ELSE [] END AS sid
  MATCH (s:Statement {id: sid})
  RETURN min(s.stated_on) AS lo, max(s.stated_on) AS hi
}
WITH row, r, statements, stale, lo, hi,
     CASE WHEN r.first_stated IS NULL OR row.added_first < r.first_stated THEN row.added_first
          ELSE r.first_stated END AS first,
     CASE WHEN r.last_stated IS NULL OR row.added_last > r.last_stated THEN row.added_last
          ELSE r.last_stated END AS last
REMOVE r._lock
SET r.statements = statements, r.count = size(statements),
    r.first_stated = CASE WHEN stale THEN lo ELSE coalesce(first, r.first_stated) END,
    r.last_stated = CASE WHEN stale THEN hi ELSE coalesce(last, r.last_stated) END
WITH r WHERE size(r.statements) = 0
DELETE r
