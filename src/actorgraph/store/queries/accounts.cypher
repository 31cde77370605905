// Every account (statement) on the allegations that touch the actors in $actors: as speaker, as the
// institution spoken for, or as an allegation's subject/object. Status and derived relationships are
// recomputed from these rows (see store/derived.py).
UNWIND $actors AS xid
MATCH (x:Actor {id: xid})
CALL (x) {
  MATCH (x)-[:MADE]->(:Statement)-[:ON]->(a:Allegation) RETURN a
  UNION
  MATCH (x)<-[:ON_BEHALF_OF]-(:Statement)-[:ON]->(a:Allegation) RETURN a
  UNION
  MATCH (x)<-[:SUBJECT|OBJECT]-(a:Allegation) RETURN a
}
WITH DISTINCT a
MATCH (a)-[:SUBJECT]->(subj:Actor)
MATCH (a)-[:OBJECT]->(obj)
OPTIONAL MATCH (sp:Actor)-[:MADE]->(s:Statement)-[:ON]->(a)
OPTIONAL MATCH (s)-[:ON_BEHALF_OF]->(ob:Actor)
RETURN a.id AS allegation, a.predicate AS predicate, subj.id AS subject, obj.id AS object,
       obj:Event AS object_is_event, s.id AS statement, s.stance AS stance, s.stated_on AS stated_on,
       sp.id AS speaker, ob.id AS on_behalf_of, coalesce(ob, sp).kind AS voice_kind
