// Record what each dossier contributed: its content hash, its statement ids, and the hash of the
// file it came from (with how many dossiers that file holds and the text file it reads), so a reload
// of the same content can be skipped before parsing and a changed one can take back exactly what it
// no longer says. Rows: {id, sha256, file, source, statements, file_sha256, file_dossiers, text_file}.
UNWIND $rows AS row
MERGE (d:Dossier {id: row.id})
SET d += row
