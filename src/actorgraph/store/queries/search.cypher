// Full-text search over actor names and aliases, event names and statement quotes.
CALL db.index.fulltext.queryNodes('search_text', $text) YIELD node, score
RETURN CASE WHEN node:Actor THEN 'Actor' WHEN node:Event THEN 'Event' ELSE 'Statement' END AS label,
       node.id AS id, score
ORDER BY score DESC, id
LIMIT $limit
