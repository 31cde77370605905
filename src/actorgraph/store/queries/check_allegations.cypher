// `db check`: every allegation with its stored status and the ids of its subject(s) and object(s).
MATCH (a:Allegation)
RETURN a.id AS id, a.predicate AS predicate, a.status AS status,
       [(a)-[:SUBJECT]->(x:Actor) | x.id] AS subjects,
       [(a)-[:OBJECT]->(o) WHERE o:Actor OR o:Event | [o.id, o:Event]] AS objects
