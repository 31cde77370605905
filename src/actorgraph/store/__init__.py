"""The only layer that talks to Neo4j: driver, named Cypher files, schema, reads and writes."""
