// Every account of the graph, allegation by allegation (a full rebuild of the derived data, or the
// check that the incremental derivation left exactly what a rebuild gives).
MATCH (a:Allegation)-[:SUBJECT]->(subj:Actor)
MATCH (a)-[:OBJECT]->(obj)
MATCH (sp:Actor)-[:MADE]->(s:Statement)-[:ON]->(a)
OPTIONAL MATCH (s)-[:ON_BEHALF_OF]->(ob:Actor)
RETURN a.id AS allegation, a.predicate AS predicate, subj.id AS subject, obj.id AS object,
       obj:Event AS object_is_event, s.id AS statement, s.stance AS stance, s.stated_on AS stated_on,
       sp.id AS speaker, ob.id AS on_behalf_of
