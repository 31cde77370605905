// Nodes by id with what links them, for the API's DataLoaders (one round trip for a whole batch). Each key
// names the label when the caller knows it (one index seek) or null (then whichever of our labels holds
// the id); CASE evaluates only the branch taken. `asked` echoes the key's label.
UNWIND $keys AS key
WITH key, CASE key.label
  WHEN 'Actor' THEN COLLECT { MATCH (n:Actor {id: key.id}) RETURN n }
  WHEN 'Allegation' THEN COLLECT { MATCH (n:Allegation {id: key.id}) RETURN n }
  WHEN 'Statement' THEN COLLECT { MATCH (n:Statement {id: key.id}) RETURN n }
  WHEN 'Source' THEN COLLECT { MATCH (n:Source {id: key.id}) RETURN n }
  WHEN 'Event' THEN COLLECT { MATCH (n:Event {id: key.id}) RETURN n }
  ELSE COLLECT {
    MATCH (n:Actor {id: key.id}) RETURN n
    UNION ALL
    MATCH (n:Allegation {id: key.id}) RETURN n
    UNION ALL
    MATCH (n:Statement {id: key.id}) RETURN n
    UNION ALL
    MATCH (n:Source {id: key.id}) RETURN n
    UNION ALL
    MATCH (n:Event {id: key.id}) RETURN n
  } END AS found
UNWIND found[..1] AS n
WITH key, n, [l IN labels(n) WHERE l IN ['Actor', 'Event', 'Allegation', 'Statement', 'Source']][0] AS label
OPTIONAL MATCH (n:Allegation)-[:SUBJECT]->(subj:Actor)
OPTIONAL MATCH (n:Allegation)-[:OBJECT]->(obj)
OPTIONAL MATCH (speaker:Actor)-[:MADE]->(n:Statement)
OPTIONAL MATCH (n:Statement)-[:ON]->(alleg:Allegation)
OPTIONAL MATCH (n:Statement)-[:REPORTED_IN]->(src:Source)
OPTIONAL MATCH (n:Statement)-[:ON_BEHALF_OF]->(ob:Actor)
RETURN key.label AS asked, label, n {.*, name_keys: null, subject: subj.id, object: obj.id, speaker: speaker.id,
                 allegation: alleg.id, source: src.id, on_behalf_of: ob.id} AS props
