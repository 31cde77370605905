// More lookup keys of one audit record (a large load touches more ids than one batch).
MATCH (c:Change {id: $id})
UNWIND $ids AS key
MERGE (k:ChangeKey {id: key})
CREATE (c)-[:CHANGED]->(k)
RETURN count(*) AS n
