// Self-claimed and unverified allegations: what only the subject (or its own people) says about
// itself, and what a single independent speaker says — the claims nobody else has backed, as a table.
// Parameters: none.
MATCH (al:Allegation)-[:SUBJECT]->(subject:Actor)
WHERE al.status IN ['SELF_CLAIMED', 'UNVERIFIED']
OPTIONAL MATCH (al)-[:OBJECT]->(object)
RETURN al.status AS status,
       subject.name AS subject,
       al.predicate AS predicate,
       object.name AS object,
       al.summary AS summary,
       COLLECT { MATCH (speaker:Actor)-[:MADE]->(:Statement)-[:ON]->(al) RETURN DISTINCT speaker.name } AS said_by,
       COUNT { (:Statement)-[:ON]->(al) } AS statements
ORDER BY status, subject, predicate, object
