// Head of a look-ahead read (tail: tree.cypher): one keyset page of events (of $kind, null = any) in id order,
// $take rows (the page size + 1) with ids between $after and $before, read forwards or, when $backward,
// backwards from $before: one indexed range read (the id index, or the kind index) cut at $take; CASE runs only
// the branch taken. `meta` is the total when $with_total (the count store when unfiltered), on every row; an
// empty page still yields one row (n null) to carry it.
WITH CASE
  WHEN $kind IS NOT NULL AND NOT $backward THEN COLLECT {
    MATCH (n:Event) USING INDEX n:Event(kind, id) WHERE n.kind = $kind AND n.id > $after AND n.id < $before RETURN n ORDER BY n.kind, n.id LIMIT $take }
  WHEN $kind IS NOT NULL THEN COLLECT {
    MATCH (n:Event) USING INDEX n:Event(kind, id) WHERE n.kind = $kind AND n.id > $after AND n.id < $before RETURN n ORDER BY n.kind DESC, n.id DESC LIMIT $take }
  WHEN NOT $backward THEN COLLECT {
    MATCH (n:Event) WHERE n.id > $after AND n.id < $before RETURN n ORDER BY n.id LIMIT $take }
  ELSE COLLECT {
    MATCH (n:Event) WHERE n.id > $after AND n.id < $before RETURN n ORDER BY n.id DESC LIMIT $take }
  END AS found,
  CASE WHEN NOT $with_total THEN null
  WHEN $kind IS NOT NULL THEN COUNT { MATCH (n:Event) WHERE n.kind = $kind }
  ELSE COUNT { MATCH (n:Event) } END AS total
UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE range(0, size(found) - 1) END AS ord
WITH found[ord] AS n, ord, total AS meta
