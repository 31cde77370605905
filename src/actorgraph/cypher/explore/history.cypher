// Who changed one node, when, how and why: its audit records (loads and mutations), newest first.
// Ids merged away keep their history; a merge's own change id finds the unmerge that undid it.
// Parameters: $id — an actor, allegation, statement, source or change id. Seed example:
// :param id => 'kremlin'
MATCH (k:ChangeKey {id: $id})<-[:CHANGED]-(c:Change)
RETURN c.at AS at, c.who AS who, c.action AS action, c.summary AS summary, c.reason AS reason, c.id AS change
ORDER BY c.id DESC
LIMIT 50
