// Every account (statement with its speaker and the institution spoken for) of the allegations in
// $ids: what the derivation rules read for these allegations. Expands from each allegation only, so
// the cost follows the allegations' own statements, never the degree of the actors involved.
// $as_of (a date, or null): only the statements stated on or before that day (undated ones are left out).
UNWIND $ids AS aid
MATCH (a:Allegation {id: aid})-[:SUBJECT]->(subj:Actor)
MATCH (a)-[:OBJECT]->(obj)
MATCH (sp:Actor)-[:MADE]->(s:Statement)-[:ON]->(a)
WHERE $as_of IS NULL OR s.stated_on <= $as_of
OPTIONAL MATCH (s)-[:ON_BEHALF_OF]->(ob:Actor)
CALL (s) {
  // The origin: the root of the chain of custody from the source quoted (else the statement's own source)
  // up DERIVED_FROM; `copied` when the chain has a step (model/status.py says what the rule does with it).
  OPTIONAL MATCH (s)-[:QUOTED_FROM]->(q:Source)
  OPTIONAL MATCH (s)-[:REPORTED_IN]->(r:Source)
  WITH coalesce(q, r) AS start, q IS NOT NULL AS quoted
  OPTIONAL MATCH chain = (start)-[:DERIVED_FROM*0..32]->(root:Source) WHERE NOT (root)-[:DERIVED_FROM]->()
  RETURN root.id AS origin, quoted OR coalesce(length(chain), 0) > 0 AS copied
}
RETURN a.id AS allegation, a.predicate AS predicate, subj.id AS subject, obj.id AS object,
       obj:Event AS object_is_event, s.id AS statement, s.stance AS stance, s.stated_on AS stated_on,
       sp.id AS speaker, ob.id AS on_behalf_of, coalesce(ob, sp).kind AS voice_kind, origin, copied
