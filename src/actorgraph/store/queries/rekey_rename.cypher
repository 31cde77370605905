// Give an allegation the id of its new natural key (after an actor merge), when that id is free.
MATCH (a:Allegation {id: $old}) WHERE NOT EXISTS { MATCH (:Allegation {id: $new}) }
SET a.id = $new
RETURN a.id AS id
