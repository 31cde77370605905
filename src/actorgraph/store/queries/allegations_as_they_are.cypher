// Allegations exactly as they are (labels, properties, ends, statements): what an unmerge puts back.
UNWIND $ids AS aid
MATCH (a:Allegation {id: aid})
MATCH (a)-[:SUBJECT]->(s)
MATCH (a)-[:OBJECT]->(o)
RETURN a.id AS id, labels(a) AS labels, properties(a) AS props, s.id AS subject, o.id AS object,
       [(st:Statement)-[:ON]->(a) | st.id] AS statements
