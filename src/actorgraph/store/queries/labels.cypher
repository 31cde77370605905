// Every label in the database (for `db stats`).
CALL db.labels() YIELD label RETURN label
