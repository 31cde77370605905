// Allegations of a batch of requests, each {i, role, pid, status, limit}: those whose subject (role
// 'subject') or object ('object') is the actor/event `pid`, optionally of one status; at most `limit` each.
UNWIND $keys AS k
CALL (k) {
  MATCH (a:Allegation)-[:SUBJECT]->(:Actor {id: k.pid}) WHERE k.role = 'subject' RETURN a
  UNION
  MATCH (a:Allegation)-[:OBJECT]->({id: k.pid}) WHERE k.role = 'object' RETURN a
}
WITH k, a WHERE k.status IS NULL OR a.status = k.status
ORDER BY a.id
WITH k.i AS i, k.limit AS lim, collect(a) AS found
UNWIND found[..lim] AS a
MATCH (a)-[:SUBJECT]->(subj:Actor)
MATCH (a)-[:OBJECT]->(obj)
RETURN i, a {.*, subject: subj.id, object: obj.id} AS props
