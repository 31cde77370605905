// Delete every relationship in batches of 50k, before the nodes: DETACH DELETE of a hub (an actor with
// hundreds of thousands of derived relationships) in one inner transaction exceeds the memory pool.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS
