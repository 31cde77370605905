// Create one kind of derived relationship; REL_TYPE is replaced by an allow-listed type from
// store/projections.py (relationship types cannot be parameters). Targets are actors or events.
UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
OPTIONAL MATCH (ta:Actor {id: row.target})
OPTIONAL MATCH (te:Event {id: row.target})
WITH a, coalesce(ta, te) AS b, row
CREATE (a)-[r:REL_TYPE]->(b)
SET r.statements = row.statements, r.count = row.count,
    r.first_stated = row.first_stated, r.last_stated = row.last_stated
