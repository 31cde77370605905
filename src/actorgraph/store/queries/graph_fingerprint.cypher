// A cheap fingerprint of the graph for servers that return no bookmark on reads: counts from the
// count store plus the total weight of the derived relationships.
CALL () { MATCH (s:Statement) RETURN count(s) AS statements }
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH (:Actor)-[r]->() RETURN count(r) AS relations, sum(coalesce(r.count, 0)) AS weight }
RETURN statements, actors, relations, weight
