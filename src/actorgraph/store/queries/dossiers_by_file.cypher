// The load records of files by their bytes' hash ($files: {name, sha256}): what a reload compares
// before parsing anything. A file is unchanged when it has as many records as it holds dossiers.
UNWIND $files AS f
MATCH (d:Dossier {file_sha256: f.sha256})
WHERE d.id ENDS WITH '|' + f.name
RETURN f.sha256 AS file_sha256, f.name AS name, d.sha256 AS sha256, d.text_file AS text_file,
       d.file_dossiers AS file_dossiers
