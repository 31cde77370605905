// Display labels for Neo4j Browser, whose style can only select by label: one label per actor kind
// ($kind_labels maps ARMED_GROUP -> ArmedGroup, ...) and, where analytics stored a pagerank, a rank
// label (RankHigh: top third of the range up to the highest pagerank, RankMid: the middle third).
// Idempotent: the old display labels ($display_labels) are removed first. Returns the actors labelled.
MATCH (a:Actor)
WITH collect(a) AS actors, max(a.pagerank) AS top
UNWIND actors AS a
WITH a, top, coalesce($kind_labels[a.kind], 'UnknownKind') AS kind_label
REMOVE a:$([l IN labels(a) WHERE l IN $display_labels])
WITH a, kind_label, CASE
  WHEN top IS NULL OR top <= 0 OR a.pagerank IS NULL THEN []
  WHEN a.pagerank >= 2.0 * top / 3 THEN ['RankHigh']
  WHEN a.pagerank >= top / 3 THEN ['RankMid']
  ELSE [] END AS rank_labels
SET a:$([kind_label] + rank_labels)
RETURN count(a) AS labelled
