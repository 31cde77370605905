// Store report scores on actors (property names come from analytics/writeback.py, never from input).
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a += row.props
RETURN count(a) AS written
