// Statements on allegations of $predicates / with $statuses, of the reliability $grades (the source's
// grade, else the speaker's default; null = any), one row per statement with
// what the derivation rules and the contested/contradictions reports need.
MATCH (a:Allegation)
WHERE ($predicates IS NULL OR a.predicate IN $predicates) AND ($statuses IS NULL OR a.status IN $statuses)
MATCH (s:Statement)-[:ON]->(a)
MATCH (sp:Actor)-[:MADE]->(s)
MATCH (a)-[:SUBJECT]->(subj:Actor)
MATCH (a)-[:OBJECT]->(obj)
OPTIONAL MATCH (s)-[:ON_BEHALF_OF]->(ob:Actor)
OPTIONAL MATCH (s)-[:REPORTED_IN]->(src:Source)
WITH * WHERE $grades IS NULL OR coalesce(src.reliability, sp.reliability) IN $grades
RETURN a.id AS allegation, a.predicate AS predicate, a.status AS status, a.summary AS summary,
       subj.id AS subject, obj.id AS object, obj:Event AS object_is_event,
       s.id AS statement, s.stance AS stance, s.stated_on AS stated_on,
       sp.id AS speaker, ob.id AS on_behalf_of, coalesce(ob, sp).kind AS voice_kind, src.id AS source
