// The allegations the actors in $ids are a voice on (a statement they made for themselves, or one made on
// their behalf): those whose derived relationships change when such an actor becomes, or stops being, a
// reporting voice (its kind changes to or from MEDIA).
UNWIND $ids AS xid
MATCH (x:Actor {id: xid})
CALL (x) {
  MATCH (x)-[:MADE]->(s:Statement)-[:ON]->(a:Allegation) WHERE NOT (s)-[:ON_BEHALF_OF]->() RETURN a
  UNION
  MATCH (x)<-[:ON_BEHALF_OF]-(:Statement)-[:ON]->(a:Allegation) RETURN a
}
RETURN DISTINCT a.id AS id
