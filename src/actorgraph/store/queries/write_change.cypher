// One audit record (model/history.py) in the transaction of the change it records, and a lookup key
// per node id the change touched: history(id) seeks the key, never scans the records.
CREATE (c:Change {id: $id, at: $at, who: $who, action: $action, summary: $summary})
SET c += $extra
WITH c
UNWIND $ids AS key
MERGE (k:ChangeKey {id: key})
CREATE (c)-[:CHANGED]->(k)
RETURN count(*) AS n
