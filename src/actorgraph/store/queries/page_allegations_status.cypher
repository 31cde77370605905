// Head of a look-ahead read (tail: tree.cypher): one keyset page of allegations of $status (the composite
// status + id index; the equal key first in ORDER BY gives its order), in id order: $take rows
// (the page size + 1, to know whether another follows) with ids between $after and $before, read forwards,
// or backwards from $before when $backward; the other filters (null = any) are checked on those rows.
// One file per driving filter (store/tree.py's caller picks it) keeps each query small to plan. `meta` is
// the total count of matches when $with_total, on every row; an empty page still yields one row (n null).
WITH CASE
  WHEN NOT $backward THEN COLLECT {
    MATCH (n:Allegation) USING INDEX n:Allegation(status, id) WHERE n.id > $after AND n.id < $before
      AND n.status = $status
      AND ($predicate IS NULL OR n.predicate = $predicate)
    RETURN n ORDER BY n.status, n.id LIMIT $take }
  ELSE COLLECT {
    MATCH (n:Allegation) USING INDEX n:Allegation(status, id) WHERE n.id > $after AND n.id < $before
      AND n.status = $status
      AND ($predicate IS NULL OR n.predicate = $predicate)
    RETURN n ORDER BY n.status DESC, n.id DESC LIMIT $take }
  END AS found,
  CASE WHEN $with_total THEN COUNT { MATCH (n:Allegation) WHERE n.status = $status AND ($predicate IS NULL OR n.predicate = $predicate) } END AS total
UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE range(0, size(found) - 1) END AS ord
WITH found[ord] AS n, ord, total AS meta
