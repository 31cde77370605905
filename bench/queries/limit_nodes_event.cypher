// The limit: plain CREATE of precomputed event rows.
UNWIND $rows AS row
CREATE (n:Event {id: row.id})
SET n += row.props
