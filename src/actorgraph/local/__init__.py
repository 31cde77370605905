"""Provision and run a local Neo4j Community server from Maven Central jars (no Docker needed)."""
