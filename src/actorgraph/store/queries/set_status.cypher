// Write derived allegation statuses (null when no statement is left).
UNWIND $rows AS row
MATCH (a:Allegation {id: row.id})
SET a.status = row.status
