// The allegations whose accounts change when actor $id is merged into another: those about it (as
// subject or object), with their natural key, and those it made a statement on or was spoken for on.
MATCH (x:Actor {id: $id})
CALL (x) {
  MATCH (x)<-[:SUBJECT|OBJECT]-(a:Allegation) RETURN a
  UNION
  MATCH (x)-[:MADE]->(:Statement)-[:ON]->(a:Allegation) RETURN a
  UNION
  MATCH (x)<-[:ON_BEHALF_OF]-(:Statement)-[:ON]->(a:Allegation) RETURN a
}
MATCH (a)-[:SUBJECT]->(s:Actor)
MATCH (a)-[:OBJECT]->(o)
RETURN a.id AS id, s.id AS subject, a.predicate AS predicate, o.id AS object
