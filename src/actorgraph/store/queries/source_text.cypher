// The stored text of a source (for checking a new statement's quote against it).
MATCH (s:Source {id: $id}) RETURN s.text AS text
