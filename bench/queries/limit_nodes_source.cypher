// The limit: plain CREATE of precomputed source rows.
UNWIND $rows AS row
CREATE (n:Source {id: row.id})
SET n += row.props
