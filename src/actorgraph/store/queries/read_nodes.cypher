// Nodes of any of our labels by id (one round trip for a whole batch), with what links them.
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
OPTIONAL MATCH (n:Allegation)-[:SUBJECT]->(subj:Actor)
OPTIONAL MATCH (n:Allegation)-[:OBJECT]->(obj)
OPTIONAL MATCH (speaker:Actor)-[:MADE]->(n:Statement)
OPTIONAL MATCH (n:Statement)-[:ON]->(alleg:Allegation)
OPTIONAL MATCH (n:Statement)-[:REPORTED_IN]->(src:Source)
OPTIONAL MATCH (n:Statement)-[:ON_BEHALF_OF]->(ob:Actor)
RETURN label, n {.*, name_keys: null, subject: subj.id, object: obj.id, speaker: speaker.id,
                 allegation: alleg.id, source: src.id, on_behalf_of: ob.id} AS props
