// The allegation each existing statement of $ids is on now (a statement rewritten or taken away
// changes the accounts of that allegation too).
UNWIND $ids AS sid
MATCH (:Statement {id: sid})-[:ON]->(a:Allegation)
RETURN DISTINCT a.id AS id
