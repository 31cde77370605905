// The actors whose derived relationships may change when the given allegations change:
// their subjects and objects, everyone who made or was spoken for in a statement on them, and
// whoever already claims or denies involvement in their object (a statement taken away or moved
// to another actor leaves that old relationship to be rebuilt).
UNWIND $ids AS aid
MATCH (a:Allegation {id: aid})
CALL (a) {
  MATCH (a)-[:SUBJECT|OBJECT]->(x:Actor) RETURN x
  UNION
  MATCH (a)<-[:ON]-(:Statement)<-[:MADE]-(x:Actor) RETURN x
  UNION
  MATCH (a)<-[:ON]-(:Statement)-[:ON_BEHALF_OF]->(x:Actor) RETURN x
  UNION
  MATCH (a)-[:OBJECT]->()<-[:CLAIMS_RESPONSIBILITY|DENIES_INVOLVEMENT]-(x:Actor) RETURN x
}
RETURN collect(DISTINCT x.id) AS actors
