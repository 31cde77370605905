// Allegations about actor pair[0] with a statement made by, or on behalf of, actor pair[1]: the
// accounts whose own side flips when a structural link between the two appears or disappears.
UNWIND $pairs AS pair
MATCH (subj:Actor {id: pair[0]}), (who:Actor {id: pair[1]})
CALL (subj, who) {
  MATCH (subj)<-[:SUBJECT]-(a:Allegation)<-[:ON]-(:Statement)<-[:MADE]-(who) RETURN a
  UNION
  MATCH (subj)<-[:SUBJECT]-(a:Allegation)<-[:ON]-(:Statement)-[:ON_BEHALF_OF]->(who) RETURN a
}
RETURN DISTINCT a.id AS id
