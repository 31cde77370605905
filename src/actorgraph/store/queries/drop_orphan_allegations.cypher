// Delete the allegations among $ids that no statement is on any more (a changed dossier took back the
// last one): an allegation exists only as what someone said. Returns the ids deleted.
UNWIND $ids AS id
MATCH (a:Allegation {id: id})
WHERE NOT EXISTS { MATCH (a)<-[:ON]-(:Statement) }
DETACH DELETE a
RETURN id
