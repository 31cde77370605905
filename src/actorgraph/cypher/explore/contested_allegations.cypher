// Contested allegations: every allegation affirmed and denied by different speakers, with who
// affirms, who denies, and each speaker's verbatim quote. One row per allegation, as a table.
// Parameters: none.
MATCH (al:Allegation {status: 'CONTESTED'})-[:SUBJECT]->(subject:Actor)
OPTIONAL MATCH (al)-[:OBJECT]->(object)
RETURN subject.name AS subject,
       al.predicate AS predicate,
       object.name AS object,
       al.summary AS summary,
       COLLECT {
         MATCH (speaker:Actor)-[:MADE]->(st:Statement {stance: 'AFFIRMS'})-[:ON]->(al)
         RETURN speaker.name + ': "' + st.quote + '"'
       } AS affirmed_by,
       COLLECT {
         MATCH (speaker:Actor)-[:MADE]->(st:Statement {stance: 'DENIES'})-[:ON]->(al)
         RETURN speaker.name + ': "' + st.quote + '"'
       } AS denied_by,
       al.verdict AS verdict
ORDER BY subject, predicate, object
