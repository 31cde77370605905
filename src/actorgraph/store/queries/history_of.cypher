// The audit records of one id, newest first (ids sort by time), a page of $limit after cursor $before.
// The hint keeps the plan a seek on the key whatever the statistics say (on a small graph the planner
// would rather scan the records).
MATCH (k:ChangeKey {id: $id})<-[:CHANGED]-(c:Change)
USING INDEX k:ChangeKey(id)
WHERE $before IS NULL OR c.id < $before
WITH c ORDER BY c.id DESC LIMIT $limit
RETURN c.id AS id, c.at AS at, c.who AS who, c.action AS action, c.reason AS reason, c.summary AS summary,
       COUNT { (c)-[:CHANGED]->() } AS touched
ORDER BY id DESC
