// Derived relationships of a batch of actors, of the given types, in either direction.
UNWIND $ids AS pid
MATCH (x:Actor {id: pid})-[r]-(other)
WHERE type(r) IN $types AND (other:Actor OR other:Event)
RETURN pid, type(r) AS type, startNode(r) = x AS outgoing, other.id AS other,
       r.count AS count, r.statements AS statements, r.first_stated AS first_stated, r.last_stated AS last_stated
ORDER BY pid, type, other
