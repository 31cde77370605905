"""The GraphQL API: strawberry on FastAPI. ``app.create_app`` builds it; resolvers ask DataLoaders,
DataLoaders ask ``store.reads`` (one Cypher round trip per batch)."""
