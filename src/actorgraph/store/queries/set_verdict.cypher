// An analyst's verdict on an allegation, with its rationale and source (never touches status).
MATCH (a:Allegation {id: $id})
SET a.verdict = $verdict, a.verdict_rationale = $rationale, a.verdict_source = $source, a.verdict_on = date()
RETURN a.id AS id
