// Delete statements a changed dossier no longer contains (rows: {id, dossier, source}), unless another
// dossier of the same source still contains them. Returns the ids deleted.
UNWIND $rows AS row
MATCH (s:Statement {id: row.id})
WHERE NOT EXISTS {
  MATCH (other:Dossier {source: row.source})
  WHERE other.id <> row.dossier AND row.id IN other.statements
}
DETACH DELETE s
RETURN row.id AS id
