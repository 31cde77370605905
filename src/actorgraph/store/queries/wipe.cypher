// Delete every node in batches of 10k (their relationships went first, wipe_relationships.cypher);
// returns how many nodes were deleted.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
RETURN count(n) AS deleted
