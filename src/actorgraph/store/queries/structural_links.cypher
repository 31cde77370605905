// Affirmed PART_OF / SPEAKS_FOR / LEADS links touching $actors: who counts as "the subject's own
// people" when deriving SELF_CLAIMED and DENIES_INVOLVEMENT.
UNWIND $actors AS xid
MATCH (x:Actor {id: xid})<-[:SUBJECT|OBJECT]-(a:Allegation)
WHERE a.predicate IN ['PART_OF', 'SPEAKS_FOR', 'LEADS']
  AND EXISTS { (:Statement {stance: 'AFFIRMS'})-[:ON]->(a) }
MATCH (a)-[:SUBJECT]->(s:Actor), (a)-[:OBJECT]->(o:Actor)
RETURN DISTINCT s.id AS a, o.id AS b
