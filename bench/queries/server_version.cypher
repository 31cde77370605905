// The Neo4j version and edition, for the machine description of a run.
CALL dbms.components() YIELD name, versions, edition RETURN versions[0] + ' ' + edition AS v
