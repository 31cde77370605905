// `dump` / `restore`: how many nodes carry a model label ($labels), how many carry none, and how many
// relationships there are (count-store lookups where Neo4j has them).
CALL () { MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS nodes }
CALL () { MATCH (n) WHERE none(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS unlabelled }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, unlabelled, relationships
