"""Cypher files meant for people too: the schema and the curated Neo4j Browser queries."""
