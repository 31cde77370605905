// Every statement on every allegation, one row per statement with the columns of accounts_disputed.cypher:
// for the reports that weigh agreement as well as dispute (narrative camps: two voices affirming the same
// allegation agree), which need the allegations nobody denies too.
MATCH (a:Allegation)
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
