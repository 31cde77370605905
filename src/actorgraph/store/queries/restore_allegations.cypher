// Unmerge: allegations back as they were before the merge (id, labels, properties, subject, object)
// with their own statements ON them again; the ids the merge gave them are dropped by the caller.
UNWIND $rows AS row
MERGE (a:Allegation {id: row.id})
SET a = row.props
SET a:$(row.labels)
WITH a, row
CALL (a) { MATCH (a)-[r:SUBJECT|OBJECT]->() DELETE r }
CALL (a, row) { MATCH (s:Actor {id: row.subject}) CREATE (a)-[:SUBJECT]->(s) }
CALL (a, row) { MATCH (o {id: row.object}) WHERE o:Actor OR o:Event CREATE (a)-[:OBJECT]->(o) }
CALL (a, row) {
  UNWIND row.statements AS sid
  MATCH (st:Statement {id: sid})-[r:ON]->(other)
  WHERE other <> a
  DELETE r CREATE (st)-[:ON]->(a)
}
RETURN count(a) AS n
