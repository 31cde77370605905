"""actorgraph: a knowledge graph of actors and allegations.

Layers (see ``docs/design.md``): ``model`` is pure data, ``ingest`` reads dossiers, ``store`` is the only
code that talks to Neo4j, ``api`` serves GraphQL, ``analytics`` works on networkx projections,
``local`` provisions a Neo4j server without Docker and ``cli`` wires it all for people.
"""

__version__ = "0.1.0"
