// Head of a look-ahead read (tail: tree.cypher): the nodes $ids, in that order, of the label $label when the
// caller knows it (one index seek each) or of whichever of our labels holds the id ($label null).
// CASE evaluates only the branch taken, so a typed lookup never touches the other labels' indexes.
UNWIND range(0, size($ids) - 1) AS ord
WITH ord, $ids[ord] AS id
WITH ord, CASE $label
  WHEN 'Actor' THEN COLLECT { MATCH (n:Actor {id: id}) RETURN n }
  WHEN 'Allegation' THEN COLLECT { MATCH (n:Allegation {id: id}) RETURN n }
  WHEN 'Statement' THEN COLLECT { MATCH (n:Statement {id: id}) RETURN n }
  WHEN 'Source' THEN COLLECT { MATCH (n:Source {id: id}) RETURN n }
  WHEN 'Event' THEN COLLECT { MATCH (n:Event {id: id}) RETURN n }
  ELSE COLLECT {
    MATCH (n:Actor {id: id}) RETURN n
    UNION ALL
    MATCH (n:Allegation {id: id}) RETURN n
    UNION ALL
    MATCH (n:Statement {id: id}) RETURN n
    UNION ALL
    MATCH (n:Source {id: id}) RETURN n
    UNION ALL
    MATCH (n:Event {id: id}) RETURN n
  } END AS found
UNWIND found[..1] AS n
WITH n, ord, null AS meta
