// The merge record to undo: by its change id, or the newest merge that absorbed actor $merged; with the
// unmerge that already undid it, if any (an unmerge lists the merge's id among its keys).
CALL () {
  MATCH (c:Change {id: $change}) RETURN c
  UNION
  MATCH (:ChangeKey {id: $merged})<-[:CHANGED]-(c:Change) WHERE c.merged = $merged RETURN c
}
WITH c WHERE c.action = 'merge'
WITH c ORDER BY c.id DESC LIMIT 1
OPTIONAL MATCH (:ChangeKey {id: c.id})<-[:CHANGED]-(u:Change {action: 'unmerge'})
RETURN c.id AS id, c.undo AS undo, c.merged AS merged, u.id AS undone_by
