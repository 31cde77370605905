// Head of a look-ahead read (tail: tree.cypher): full-text hits over actor names and aliases, event names and
// statement quotes, best first; `meta` is the hit's score. $text is already escaped for Lucene.
CALL db.index.fulltext.queryNodes('search_text', $text) YIELD node, score
WITH node AS n, score ORDER BY score DESC, n.id LIMIT $limit
WITH collect([n, score]) AS hits
UNWIND range(0, size(hits) - 1) AS ord
WITH hits[ord][0] AS n, ord, hits[ord][1] AS meta
