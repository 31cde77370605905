// Head of a look-ahead read (tail: tree.cypher): one keyset page of allegations about the actor $subject (its
// SUBJECT links), in id order: $take rows
// (the page size + 1, to know whether another follows) with ids between $after and $before, read forwards,
// or backwards from $before when $backward; the other filters (null = any) are checked on those rows.
// One file per driving filter (store/tree.py's caller picks it) keeps each query small to plan. `meta` is
// the total count of matches when $with_total, on every row; an empty page still yields one row (n null).
WITH CASE
  WHEN NOT $backward THEN COLLECT {
    MATCH (:Actor {id: $subject})<-[:SUBJECT]-(n:Allegation) WHERE n.id > $after AND n.id < $before
      AND ($predicate IS NULL OR n.predicate = $predicate)
      AND ($status IS NULL OR n.status = $status)
      AND ($object IS NULL OR EXISTS { (n)-[:OBJECT]->({id: $object}) })
      AND ($speaker IS NULL OR EXISTS { (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n) })
    RETURN n ORDER BY n.id LIMIT $take }
  ELSE COLLECT {
    MATCH (:Actor {id: $subject})<-[:SUBJECT]-(n:Allegation) WHERE n.id > $after AND n.id < $before
      AND ($predicate IS NULL OR n.predicate = $predicate)
      AND ($status IS NULL OR n.status = $status)
      AND ($object IS NULL OR EXISTS { (n)-[:OBJECT]->({id: $object}) })
      AND ($speaker IS NULL OR EXISTS { (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n) })
    RETURN n ORDER BY n.id DESC LIMIT $take }
  END AS found,
  CASE WHEN $with_total THEN COUNT { MATCH (:Actor {id: $subject})<-[:SUBJECT]-(n:Allegation) WHERE true
      AND ($predicate IS NULL OR n.predicate = $predicate)
      AND ($status IS NULL OR n.status = $status)
      AND ($object IS NULL OR EXISTS { (n)-[:OBJECT]->({id: $object}) })
      AND ($speaker IS NULL OR EXISTS { (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n) }) } END AS total
UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE range(0, size(found) - 1) END AS ord
WITH found[ord] AS n, ord, total AS meta
