// Why each allegation has its status: every voice affirming or denying it, the origin each statement
// traces to (the source it was quoted from, else its own source, up DERIVED_FROM to the root) and whether
// it is first-hand or a copy. CORROBORATED needs two independent voices with different origins: copies of
// one origin count once (GraphQL's statusReason says which voices were counted and why).
// Parameters: none.
MATCH (al:Allegation)<-[:ON]-(s:Statement)<-[:MADE]-(speaker:Actor)
OPTIONAL MATCH (s)-[:ON_BEHALF_OF]->(institution:Actor)
OPTIONAL MATCH (s)-[:QUOTED_FROM]->(quoted:Source)
MATCH (s)-[:REPORTED_IN]->(source:Source)
WITH al, s, coalesce(institution, speaker) AS voice, source, coalesce(quoted, source) AS start, quoted IS NOT NULL AS q
OPTIONAL MATCH chain = (start)-[:DERIVED_FROM*0..32]->(root:Source) WHERE NOT (root)-[:DERIVED_FROM]->()
RETURN al.status AS status,
       al.summary AS summary,
       s.stance AS stance,
       voice.name AS voice,
       source.title AS reported_in,
       root.title AS origin,
       CASE WHEN q OR length(chain) > 0 THEN 'copy' ELSE 'first-hand' END AS how
ORDER BY status, summary, stance, voice
