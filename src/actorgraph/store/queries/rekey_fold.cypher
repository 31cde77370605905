// Fold a duplicate allegation into the existing one with the same natural key: statements move, the
// duplicate goes. A verdict on the duplicate is kept when the survivor has none.
MATCH (dup:Allegation {id: $old}), (keep:Allegation {id: $new})
CALL (dup, keep) { MATCH (s:Statement)-[r:ON]->(dup) MERGE (s)-[:ON]->(keep) DELETE r }
SET keep.verdict = coalesce(keep.verdict, dup.verdict),
    keep.verdict_rationale = coalesce(keep.verdict_rationale, dup.verdict_rationale),
    keep.verdict_source = coalesce(keep.verdict_source, dup.verdict_source)
DETACH DELETE dup
RETURN keep.id AS id
