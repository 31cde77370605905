// The actors whose derived relationships may change when the given allegations change:
// their subjects and objects, and everyone who made or was spoken for in a statement on them.
UNWIND $ids AS aid
MATCH (a:Allegation {id: aid})
CALL (a) {
  MATCH (a)-[:SUBJECT|OBJECT]->(x:Actor) RETURN x
  UNION
  MATCH (a)<-[:ON]-(:Statement)<-[:MADE]-(x:Actor) RETURN x
  UNION
  MATCH (a)<-[:ON]-(:Statement)-[:ON_BEHALF_OF]->(x:Actor) RETURN x
}
RETURN collect(DISTINCT x.id) AS actors
