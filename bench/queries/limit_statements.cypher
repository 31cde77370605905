// The limit: plain CREATE of statements with their MADE, ON and REPORTED_IN links.
UNWIND $rows AS row
MATCH (sp:Actor {id: row.speaker}), (a:Allegation {id: row.allegation}), (src:Source {id: row.source})
CREATE (n:Statement {id: row.id})
SET n += row.props
CREATE (sp)-[:MADE]->(n), (n)-[:ON]->(a), (n)-[:REPORTED_IN]->(src)
