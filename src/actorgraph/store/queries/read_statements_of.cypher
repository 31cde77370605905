// Statements of a batch of requests, each {i, kind, pid, stance, limit, grades, as_of}: made by an actor
// (kind 'speaker'), on an allegation ('allegation') or reported in a source ('source'); optionally of one
// stance, only of the reliability `grades` (the source's grade, else the speaker's default) and only stated
// on or before `as_of`; at most `limit` per request. Requests differing only in stance or limit still share this one round trip.
UNWIND $keys AS k
CALL (k) {
  MATCH (:Actor {id: k.pid})-[:MADE]->(s:Statement) WHERE k.kind = 'speaker' RETURN s
  UNION
  MATCH (:Allegation {id: k.pid})<-[:ON]-(s:Statement) WHERE k.kind = 'allegation' RETURN s
  UNION
  MATCH (:Source {id: k.pid})<-[:REPORTED_IN]-(s:Statement) WHERE k.kind = 'source' RETURN s
}
WITH k, s WHERE (k.stance IS NULL OR s.stance = k.stance) AND (k.as_of IS NULL OR s.stated_on <= k.as_of)
  AND (k.grades IS NULL OR coalesce(head([(s)-[:REPORTED_IN]->(x) | x.reliability]),
                                    head([(s)<-[:MADE]-(x) | x.reliability])) IN k.grades)
ORDER BY s.stated_on, s.id
WITH k.i AS i, k.limit AS lim, collect(s) AS found
UNWIND found[..lim] AS s
MATCH (speaker:Actor)-[:MADE]->(s)-[:ON]->(a:Allegation)
MATCH (s)-[:REPORTED_IN]->(src:Source)
OPTIONAL MATCH (s)-[:ON_BEHALF_OF]->(ob:Actor)
RETURN i, s {.*, speaker: speaker.id, allegation: a.id, source: src.id, on_behalf_of: ob.id} AS props
