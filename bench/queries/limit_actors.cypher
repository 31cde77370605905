// The limit: plain CREATE of precomputed actor rows into an empty database.
UNWIND $rows AS row
CREATE (n:Actor {id: row.id})
SET n += row.props, n.aliases = row.aliases, n.name_keys = row.name_keys
