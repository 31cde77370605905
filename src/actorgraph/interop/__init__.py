"""The formats of the field: STIX 2.1, FollowTheMoney, Gephi (GEXF, GraphML) and ClaimReview.

Converters are pure: they take the graph as plain data (:class:`~actorgraph.interop.graph.ExportedGraph`,
built from what ``store.export`` streams) and return the format; reading Neo4j stays in ``store/``.
The STIX importer goes the other way, to dossiers that are checked and loaded like any other.
"""
