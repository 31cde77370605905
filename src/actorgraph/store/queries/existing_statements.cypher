// Which statement ids of $ids exist, and the allegation each is on now (a statement rewritten or
// taken away changes the accounts of that allegation too).
UNWIND $ids AS sid
MATCH (s:Statement {id: sid})-[:ON]->(a:Allegation)
RETURN s.id AS id, a.id AS allegation
