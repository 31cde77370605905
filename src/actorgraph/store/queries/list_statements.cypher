// Ids of statements matching stance, speaker and date range, by date then id; page_tail.cypher cuts the page.
MATCH (n:Statement)
WHERE ($stance IS NULL OR n.stance = $stance)
  AND ($speaker IS NULL OR EXISTS { (:Actor {id: $speaker})-[:MADE]->(n) })
  AND ($date_from IS NULL OR n.stated_on >= $date_from)
  AND ($date_to IS NULL OR n.stated_on <= $date_to)
WITH n ORDER BY n.stated_on, n.id
WITH collect(n.id) AS ordered
