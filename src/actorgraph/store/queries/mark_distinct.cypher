// Mark actor pairs "not the same" (bookkeeping: merges refuse them, loads never give one the other's
// names). Each pair once, from the smaller id to the larger, so a pair has exactly one mark.
UNWIND $rows AS row
MATCH (a:Actor {id: row.a}), (b:Actor {id: row.b})
MERGE (a)-[r:DISTINCT_FROM]->(b)
SET r = row.props
RETURN count(r) AS n
