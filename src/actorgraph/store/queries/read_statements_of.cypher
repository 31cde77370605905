// Statements linked to a batch of parents: made by actors, on allegations, or reported in sources.
// $kind is 'speaker', 'allegation' or 'source'; $stance optionally filters; at most $limit per parent.
UNWIND $ids AS pid
CALL (pid) {
  MATCH (:Actor {id: pid})-[:MADE]->(s:Statement) WHERE $kind = 'speaker' RETURN s
  UNION
  MATCH (:Allegation {id: pid})<-[:ON]-(s:Statement) WHERE $kind = 'allegation' RETURN s
  UNION
  MATCH (:Source {id: pid})<-[:REPORTED_IN]-(s:Statement) WHERE $kind = 'source' RETURN s
}
WITH pid, s WHERE $stance IS NULL OR s.stance = $stance
ORDER BY s.stated_on, s.id
WITH pid, collect(s)[..$limit] AS page
UNWIND page AS s
MATCH (speaker:Actor)-[:MADE]->(s)-[:ON]->(a:Allegation)
MATCH (s)-[:REPORTED_IN]->(src:Source)
OPTIONAL MATCH (s)-[:ON_BEHALF_OF]->(ob:Actor)
RETURN pid, s {.*, speaker: speaker.id, allegation: a.id, source: src.id, on_behalf_of: ob.id} AS props
