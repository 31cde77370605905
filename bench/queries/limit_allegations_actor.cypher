// The limit: plain CREATE of allegations whose object is an actor, linked by id lookups.
UNWIND $rows AS row
MATCH (s:Actor {id: row.subject}), (o:Actor {id: row.object})
CREATE (n:Allegation {id: row.id})
SET n += row.props
CREATE (n)-[:SUBJECT]->(s), (n)-[:OBJECT]->(o)
