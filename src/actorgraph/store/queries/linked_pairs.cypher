// Which of the actor pairs in $pairs ([x, y] lists) are one side: bound by a derived PART_OF,
// SPEAKS_FOR or LEADS relationship either way (one exists exactly when an affirmed structural
// allegation links them). Both ends are bound, so Neo4j expands from the one with fewer such links.
UNWIND $pairs AS pair
MATCH (x:Actor {id: pair[0]}), (y:Actor {id: pair[1]})
WHERE EXISTS { (x)-[:PART_OF|SPEAKS_FOR|LEADS]-(y) }
RETURN pair[0] AS a, pair[1] AS b
