// Ids of allegations matching the filters (each null = any) in id order; page_tail.cypher cuts the page.
MATCH (n:Allegation)
WHERE ($predicate IS NULL OR n.predicate = $predicate)
  AND ($status IS NULL OR n.status = $status)
  AND (NOT $contested_only OR n.status = 'CONTESTED')
  AND ($subject IS NULL OR EXISTS { (n)-[:SUBJECT]->(:Actor {id: $subject}) })
  AND ($object IS NULL OR EXISTS { (n)-[:OBJECT]->({id: $object}) })
  AND ($speaker IS NULL OR EXISTS { (:Actor {id: $speaker})-[:MADE]->(:Statement)-[:ON]->(n) })
WITH n.id AS id ORDER BY id
WITH collect(id) AS ordered
