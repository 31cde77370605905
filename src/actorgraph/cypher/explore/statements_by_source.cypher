// Statements by source: for each source (article, post, report...), the statements it reports in
// the order they appear in its text — speaker, on whose behalf, stance, allegation and quote.
// Parameters: none (add WHERE src.id = '...' to keep one source).
MATCH (st:Statement)-[:REPORTED_IN]->(src:Source)
MATCH (speaker:Actor)-[:MADE]->(st)-[:ON]->(al:Allegation)
OPTIONAL MATCH (st)-[:ON_BEHALF_OF]->(principal:Actor)
RETURN coalesce(src.title, src.id) AS source,
       src.kind AS kind,
       st.start AS offset,
       speaker.name AS speaker,
       principal.name AS on_behalf_of,
       st.stance AS stance,
       al.summary AS allegation,
       st.quote AS quote
ORDER BY source, offset
