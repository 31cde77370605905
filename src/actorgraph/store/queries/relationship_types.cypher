// Every relationship type in the database (for `db stats`).
CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType
