// One hop of a neighborhood: the derived relationships of the given types around a frontier.
UNWIND $ids AS pid
MATCH (x:Actor {id: pid})-[r]-(other)
WHERE type(r) IN $types AND (other:Actor OR other:Event)
RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS type, r.count AS count,
       r.statements AS statements, other.id AS other
