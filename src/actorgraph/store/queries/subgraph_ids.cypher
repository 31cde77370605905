// The ids of everything behind one allegation ($allegation) or one actor ($actor; the other is null),
// for a download of just that part of the graph: the allegations (the one given, or those the actor is
// subject or object of, made or was spoken for in), their statements, speakers, spokespeople's
// institutions, sources (and the sources up their chains of custody), subjects and objects. Expands
// from the anchor: cost follows its neighbourhood.
CALL {
  MATCH (a:Allegation {id: $allegation}) RETURN a
  UNION
  MATCH (:Actor {id: $actor})<-[:SUBJECT|OBJECT]-(a:Allegation) RETURN a
  UNION
  MATCH (:Actor {id: $actor})-[:MADE]->(:Statement)-[:ON]->(a:Allegation) RETURN a
  UNION
  MATCH (:Actor {id: $actor})<-[:ON_BEHALF_OF]-(:Statement)-[:ON]->(a:Allegation) RETURN a
}
MATCH (a)-[:SUBJECT]->(subject:Actor), (a)-[:OBJECT]->(object)
OPTIONAL MATCH (speaker:Actor)-[:MADE]->(st:Statement)-[:ON]->(a)
OPTIONAL MATCH (st)-[:REPORTED_IN]->(src:Source)
OPTIONAL MATCH (st)-[:ON_BEHALF_OF]->(ob:Actor)
// The chains of custody: the source quoted and every source up DERIVED_FROM from it or the statement's own.
OPTIONAL MATCH (st)-[:QUOTED_FROM]->(q:Source)
OPTIONAL MATCH (st)-[:REPORTED_IN|QUOTED_FROM]->(:Source)-[:DERIVED_FROM*1..32]->(up:Source)
WITH collect(DISTINCT a.id) + collect(DISTINCT subject.id) + collect(DISTINCT object.id) + collect(DISTINCT st.id)
     + collect(DISTINCT speaker.id) + collect(DISTINCT src.id) + collect(DISTINCT ob.id) + collect(DISTINCT q.id)
     + collect(DISTINCT up.id) AS ids
OPTIONAL MATCH (anchor:Actor {id: $actor})
RETURN ids + CASE WHEN anchor IS NULL THEN [] ELSE [anchor.id] END AS ids
