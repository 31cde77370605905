// The provenance relationships between the nodes with these ids, in the shape of
// export_relationships.cypher (derived relationships are left out: a download re-derives nothing).
// Each relationship type starts at one label, so every match starts from an index lookup.
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Allegation {id: id})-[r:SUBJECT|OBJECT]->(b) RETURN a, r, b
  UNION
  MATCH (a:Statement {id: id})-[r:ON|REPORTED_IN|ON_BEHALF_OF|QUOTED_FROM]->(b) RETURN a, r, b
  UNION
  MATCH (a:Source {id: id})-[r:DERIVED_FROM]->(b:Source) RETURN a, r, b
  UNION
  MATCH (a:Actor {id: id})-[r:MADE]->(b:Statement) RETURN a, r, b
}
WITH a, r, b WHERE b.id IN $ids
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY type, source, target
