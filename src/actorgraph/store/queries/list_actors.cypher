// Ids of actors (filter: kind) in id order; page_tail.cypher cuts the page.
MATCH (n:Actor)
WHERE $kind IS NULL OR n.kind = $kind
WITH n.id AS id ORDER BY id
WITH collect(id) AS ordered
