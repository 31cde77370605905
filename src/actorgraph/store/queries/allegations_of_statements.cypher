// The allegations these statements are on.
UNWIND $ids AS sid
MATCH (:Statement {id: sid})-[:ON]->(a:Allegation)
RETURN DISTINCT a.id AS id
