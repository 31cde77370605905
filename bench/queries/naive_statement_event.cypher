// The naive way (event object): one statement, with everything it touches, MERGEd in its own transaction.
MERGE (sp:Actor {id: $speaker.id}) ON CREATE SET sp += $speaker.props
MERGE (su:Actor {id: $subject.id}) ON CREATE SET su += $subject.props
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (a:Allegation {id: $allegation.id}) SET a += $allegation.props
MERGE (a)-[:SUBJECT]->(su)
MERGE (s:Statement {id: $statement.id}) SET s += $statement.props
MERGE (sp)-[:MADE]->(s)
MERGE (s)-[:ON]->(a)
MERGE (s)-[:REPORTED_IN]->(src)
MERGE (o:Event {id: $object.id}) ON CREATE SET o += $object.props
MERGE (a)-[:OBJECT]->(o)
RETURN count(*) AS n
