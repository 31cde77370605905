// Statements on the allegations that are both affirmed and denied, one row per statement with what the
// contested and contradictions reports need: only those allegations can be contested or give a CONTRADICTS
// edge, so the unfiltered network reads no other statement. Found from the denials (the stance index).
MATCH (:Statement {stance: 'DENIES'})-[:ON]->(a:Allegation)
WITH DISTINCT a
WHERE EXISTS { MATCH (a)<-[:ON]-(:Statement {stance: 'AFFIRMS'}) }
MATCH (s:Statement)-[:ON]->(a)
MATCH (sp:Actor)-[:MADE]->(s)
MATCH (a)-[:SUBJECT]->(subj:Actor)
MATCH (a)-[:OBJECT]->(obj)
OPTIONAL MATCH (s)-[:ON_BEHALF_OF]->(ob:Actor)
OPTIONAL MATCH (s)-[:REPORTED_IN]->(src:Source)
RETURN a.id AS allegation, a.predicate AS predicate, a.status AS status, a.summary AS summary,
       subj.id AS subject, obj.id AS object, obj:Event AS object_is_event,
       s.id AS statement, s.stance AS stance, s.stated_on AS stated_on,
       sp.id AS speaker, ob.id AS on_behalf_of, coalesce(ob, sp).kind AS voice_kind, src.id AS source
