// Which of the given ids exist, and with which label.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Actor {id: id}) RETURN 'Actor' AS label
  UNION
  MATCH (n:Event {id: id}) RETURN 'Event' AS label
  UNION
  MATCH (n:Allegation {id: id}) RETURN 'Allegation' AS label
  UNION
  MATCH (n:Source {id: id}) RETURN 'Source' AS label
  UNION
  MATCH (n:Statement {id: id}) RETURN 'Statement' AS label
}
RETURN id, label
