// The nodes with these ids, in the shape of export_nodes.cypher (model label named, name_keys left out).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Actor {id: id}) RETURN n, 'Actor' AS label
  UNION
  MATCH (n:Event {id: id}) RETURN n, 'Event' AS label
  UNION
  MATCH (n:Allegation {id: id}) RETURN n, 'Allegation' AS label
  UNION
  MATCH (n:Statement {id: id}) RETURN n, 'Statement' AS label
  UNION
  MATCH (n:Source {id: id}) RETURN n, 'Source' AS label
}
RETURN DISTINCT label, n {.*, name_keys: null} AS props
ORDER BY label, props.id
