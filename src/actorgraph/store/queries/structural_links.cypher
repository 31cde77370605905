// Affirmed structural links ($predicates: PART_OF, SPEAKS_FOR, LEADS) touching $actors: who counts
// as "the subject's own people" when deriving SELF_CLAIMED and DENIES_INVOLVEMENT. Expands from
// each actor (never scans statements by property).
UNWIND $actors AS xid
MATCH (x:Actor {id: xid})<-[:SUBJECT|OBJECT]-(a:Allegation)
WHERE a.predicate IN $predicates
  AND EXISTS { MATCH (a)<-[:ON]-(st:Statement) WHERE st.stance = 'AFFIRMS' }
MATCH (a)-[:SUBJECT]->(s:Actor), (a)-[:OBJECT]->(o:Actor)
RETURN DISTINCT s.id AS a, o.id AS b
