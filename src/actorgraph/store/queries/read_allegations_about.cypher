// Allegations whose subject (or object) is one of a batch of actors/events; at most $limit each.
UNWIND $ids AS pid
CALL (pid) {
  MATCH (a:Allegation)-[:SUBJECT]->(:Actor {id: pid}) WHERE $role = 'subject' RETURN a
  UNION
  MATCH (a:Allegation)-[:OBJECT]->({id: pid}) WHERE $role = 'object' RETURN a
}
WITH pid, a WHERE ($status IS NULL OR a.status = $status)
ORDER BY a.id
WITH pid, collect(a)[..$limit] AS page
UNWIND page AS a
MATCH (a)-[:SUBJECT]->(subj:Actor)
MATCH (a)-[:OBJECT]->(obj)
RETURN pid, a {.*, subject: subj.id, object: obj.id} AS props
