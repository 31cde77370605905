// The timeline of statements: who said what, when — ordered by the date stated (or the source's
// publication date), undated statements last in the order their source reports them.
// Parameters: none.
MATCH (speaker:Actor)-[:MADE]->(st:Statement)-[:ON]->(al:Allegation)
OPTIONAL MATCH (st)-[:REPORTED_IN]->(src:Source)
WITH speaker, st, al, src, coalesce(st.stated_on, src.published_on) AS stated
RETURN coalesce(toString(stated), 'undated') AS date,
       speaker.name AS speaker,
       st.stance AS stance,
       al.summary AS allegation,
       st.medium AS medium,
       st.quote AS quote,
       coalesce(src.title, src.id) AS source
ORDER BY stated IS NULL, stated, source, st.start
