// `db check`: every audit record (its fields, how many keys it has) and every "not the same" mark, for
// the "history" check.
CALL () {
  MATCH (c:Change)
  RETURN collect([c.id, c.at IS NOT NULL, c.who, c.action, COUNT { (c)-[:CHANGED]->(:ChangeKey) }]) AS changes
}
CALL () {
  MATCH (a:Actor)-[:DISTINCT_FROM]->(b:Actor)
  RETURN collect([a.id, b.id]) AS marks
}
RETURN changes, marks
