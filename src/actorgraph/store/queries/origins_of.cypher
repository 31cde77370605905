// The origin of each statement in $ids (the root source of its chain of custody) and whether it is a
// copy, and the kind of its voice (the institution spoken for, else the speaker): what the rules need of
// statements a load wrote or whose chain a load changed, beyond the rows the load wrote them from.
UNWIND $ids AS sid
MATCH (sp:Actor)-[:MADE]->(s:Statement {id: sid})
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
RETURN s.id AS id, origin, copied, coalesce(ob, sp).kind AS voice_kind
