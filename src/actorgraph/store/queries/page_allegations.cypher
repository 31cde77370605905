// Head of a look-ahead read (tail: tree.cypher): one keyset page of allegations in id order, $take rows (the
// page size + 1, to know whether another follows) with ids between $after and $before, read forwards, or
// backwards from $before when $backward. $drive names the filter that finds the rows: the subject's, object's
// or speaker's links, the status or predicate index, or else the id index itself; the other filters (null =
// any) are checked on those rows. Each branch is one indexed range read or one expansion, in key order, cut at
// $take (equal keys first in ORDER BY, so a composite (filter, id) index gives the order); CASE runs only
// the branch taken. `meta` is the total count of matches when $with_total (from the count
// store when nothing is filtered), on every row; an empty page still yields one row (n null) to carry it.
WITH CASE
  WHEN $drive = 'subject' AND NOT $backward THEN COLLECT {
    MATCH (:Actor {id: $subject})<-[:SUBJECT]-(n:Allegation) WHERE n.id > $after AND n.id < $before
      AND ($predicate IS NULL OR n.predicate = $predicate) AND ($status IS NULL OR n.status = $status)
      AND ($object IS NULL OR EXISTS { (n)-[:OBJECT]->({id: $object}) })
      AND ($speaker IS NULL OR EXISTS { (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n) })
    RETURN n ORDER BY n.id LIMIT $take }
  WHEN $drive = 'subject' THEN COLLECT {
    MATCH (:Actor {id: $subject})<-[:SUBJECT]-(n:Allegation) WHERE n.id > $after AND n.id < $before
      AND ($predicate IS NULL OR n.predicate = $predicate) AND ($status IS NULL OR n.status = $status)
      AND ($object IS NULL OR EXISTS { (n)-[:OBJECT]->({id: $object}) })
      AND ($speaker IS NULL OR EXISTS { (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n) })
    RETURN n ORDER BY n.id DESC LIMIT $take }
  WHEN $drive = 'object' AND NOT $backward THEN COLLECT {
    CALL () { MATCH (o:Actor {id: $object}) RETURN o UNION ALL MATCH (o:Event {id: $object}) RETURN o }
    MATCH (o)<-[:OBJECT]-(n:Allegation) WHERE n.id > $after AND n.id < $before
      AND ($predicate IS NULL OR n.predicate = $predicate) AND ($status IS NULL OR n.status = $status)
      AND ($speaker IS NULL OR EXISTS { (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n) })
    RETURN n ORDER BY n.id LIMIT $take }
  WHEN $drive = 'object' THEN COLLECT {
    CALL () { MATCH (o:Actor {id: $object}) RETURN o UNION ALL MATCH (o:Event {id: $object}) RETURN o }
    MATCH (o)<-[:OBJECT]-(n:Allegation) WHERE n.id > $after AND n.id < $before
      AND ($predicate IS NULL OR n.predicate = $predicate) AND ($status IS NULL OR n.status = $status)
      AND ($speaker IS NULL OR EXISTS { (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n) })
    RETURN n ORDER BY n.id DESC LIMIT $take }
  WHEN $drive = 'speaker' AND NOT $backward THEN COLLECT {
    MATCH (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n:Allegation) WHERE n.id > $after AND n.id < $before
      AND ($predicate IS NULL OR n.predicate = $predicate) AND ($status IS NULL OR n.status = $status)
    WITH DISTINCT n RETURN n ORDER BY n.id LIMIT $take }
  WHEN $drive = 'speaker' THEN COLLECT {
    MATCH (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n:Allegation) WHERE n.id > $after AND n.id < $before
      AND ($predicate IS NULL OR n.predicate = $predicate) AND ($status IS NULL OR n.status = $status)
    WITH DISTINCT n RETURN n ORDER BY n.id DESC LIMIT $take }
  WHEN $drive = 'status' AND NOT $backward THEN COLLECT {
    MATCH (n:Allegation) WHERE n.status = $status AND n.id > $after AND n.id < $before
      AND ($predicate IS NULL OR n.predicate = $predicate)
    RETURN n ORDER BY n.status, n.id LIMIT $take }
  WHEN $drive = 'status' THEN COLLECT {
    MATCH (n:Allegation) WHERE n.status = $status AND n.id > $after AND n.id < $before
      AND ($predicate IS NULL OR n.predicate = $predicate)
    RETURN n ORDER BY n.status DESC, n.id DESC LIMIT $take }
  WHEN $drive = 'predicate' AND NOT $backward THEN COLLECT {
    MATCH (n:Allegation) WHERE n.predicate = $predicate AND n.id > $after AND n.id < $before
    RETURN n ORDER BY n.predicate, n.id LIMIT $take }
  WHEN $drive = 'predicate' THEN COLLECT {
    MATCH (n:Allegation) WHERE n.predicate = $predicate AND n.id > $after AND n.id < $before
    RETURN n ORDER BY n.predicate DESC, n.id DESC LIMIT $take }
  WHEN NOT $backward THEN COLLECT {
    MATCH (n:Allegation) WHERE n.id > $after AND n.id < $before RETURN n ORDER BY n.id LIMIT $take }
  ELSE COLLECT {
    MATCH (n:Allegation) WHERE n.id > $after AND n.id < $before RETURN n ORDER BY n.id DESC LIMIT $take }
  END AS found,
  CASE WHEN NOT $with_total THEN null
  WHEN $drive = 'subject' THEN COUNT {
    MATCH (:Actor {id: $subject})<-[:SUBJECT]-(n:Allegation)
    WHERE ($predicate IS NULL OR n.predicate = $predicate) AND ($status IS NULL OR n.status = $status)
      AND ($object IS NULL OR EXISTS { (n)-[:OBJECT]->({id: $object}) })
      AND ($speaker IS NULL OR EXISTS { (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n) }) }
  WHEN $drive = 'object' THEN COUNT {
    CALL () { MATCH (o:Actor {id: $object}) RETURN o UNION ALL MATCH (o:Event {id: $object}) RETURN o }
    MATCH (o)<-[:OBJECT]-(n:Allegation)
    WHERE ($predicate IS NULL OR n.predicate = $predicate) AND ($status IS NULL OR n.status = $status)
      AND ($speaker IS NULL OR EXISTS { (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n) })
    RETURN n }
  WHEN $drive = 'speaker' THEN COUNT {
    MATCH (:Actor {id: $speaker})-[:MADE]->()-[:ON]->(n:Allegation)
    WHERE ($predicate IS NULL OR n.predicate = $predicate) AND ($status IS NULL OR n.status = $status)
    WITH DISTINCT n RETURN n }
  WHEN $drive = 'status' THEN COUNT {
    MATCH (n:Allegation) WHERE n.status = $status AND ($predicate IS NULL OR n.predicate = $predicate) }
  WHEN $drive = 'predicate' THEN COUNT { MATCH (n:Allegation) WHERE n.predicate = $predicate }
  ELSE COUNT { MATCH (n:Allegation) } END AS total
UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE range(0, size(found) - 1) END AS ord
WITH found[ord] AS n, ord, total AS meta
