// Create derived relationships, one per row; row.type is a RelationType value checked in
// store/derived.py (Neo4j 5's dynamic types: a type is never spliced into the text). Targets are
// actors or events.
UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
OPTIONAL MATCH (ta:Actor {id: row.target})
OPTIONAL MATCH (te:Event {id: row.target})
WITH a, coalesce(ta, te) AS b, row
CREATE (a)-[r:$(row.type)]->(b)
SET r.statements = row.statements, r.count = row.count,
    r.first_stated = row.first_stated, r.last_stated = row.last_stated
