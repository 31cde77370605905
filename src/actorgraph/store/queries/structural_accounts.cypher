// The statements stated by $as_of on structural allegations ($predicates: PART_OF, SPEAKS_FOR, LEADS)
// touching $actors, as accounts: which of them bound their two ends into one side as of that day is
// decided in Python (affirmed and not retracted by then: model/timeline.py). Expands from each actor.
UNWIND $actors AS xid
MATCH (x:Actor {id: xid})<-[:SUBJECT|OBJECT]-(a:Allegation)
WHERE a.predicate IN $predicates
MATCH (a)-[:SUBJECT]->(subj:Actor)
MATCH (a)-[:OBJECT]->(obj:Actor)
WITH DISTINCT a, subj, obj
MATCH (sp:Actor)-[:MADE]->(s:Statement)-[:ON]->(a)
WHERE s.stated_on <= $as_of
OPTIONAL MATCH (s)-[:ON_BEHALF_OF]->(ob:Actor)
RETURN a.id AS allegation, a.predicate AS predicate, subj.id AS subject, obj.id AS object,
       false AS object_is_event, s.id AS statement, s.stance AS stance, s.stated_on AS stated_on,
       sp.id AS speaker, ob.id AS on_behalf_of
