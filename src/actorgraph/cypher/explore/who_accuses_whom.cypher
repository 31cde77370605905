// Who accuses whom: each ACCUSES relationship (a speaker affirms a hostile allegation about another
// actor), with the denials and contradictions that answer it, as paths.
// Parameters: none.
MATCH p = (:Actor)-[:ACCUSES|CONTRADICTS|DENIES_INVOLVEMENT]->(target)
WHERE target:Actor OR target:Event
RETURN p
