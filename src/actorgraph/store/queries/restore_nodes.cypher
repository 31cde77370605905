// `restore`: create nodes with their labels (the model label first, then display labels) and properties.
// Dynamic labels (Neo4j 5.26): the labels come from the dump, checked against the model by the reader.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
