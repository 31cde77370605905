// Structural links (derived PART_OF, SPEAKS_FOR, LEADS, either way) touching $actors: who counts as "the
// subject's own people" when deriving SELF_CLAIMED and DENIES_INVOLVEMENT. One exists exactly when an
// affirmed structural allegation links them and its voice has not retracted it (model/timeline.py).
// Expands from each actor (never scans statements by property).
UNWIND $actors AS xid
MATCH (x:Actor {id: xid})-[:PART_OF|SPEAKS_FOR|LEADS]-(y:Actor)
RETURN DISTINCT x.id AS a, y.id AS b
