// What the dossiers in $ids contributed when last loaded: content hash and statement ids.
UNWIND $ids AS did
MATCH (d:Dossier {id: did})
RETURN d.id AS id, d.sha256 AS sha256, d.statements AS statements
