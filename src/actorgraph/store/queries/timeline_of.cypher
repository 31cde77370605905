// The statements of the allegations in $ids in the order they were said, for their timelines: when
// stated (`stated_on`) and recorded (`recorded_at`, transaction time), stance, speaker and voice (the
// institution spoken for, else the speaker). $as_of (a date, or null): only those stated by that day.
UNWIND $ids AS aid
MATCH (a:Allegation {id: aid})<-[:ON]-(s:Statement)<-[:MADE]-(sp:Actor)
WHERE $as_of IS NULL OR s.stated_on <= $as_of
OPTIONAL MATCH (s)-[:ON_BEHALF_OF]->(ob:Actor)
RETURN a.id AS allegation, s.id AS statement, s.stance AS stance, s.stated_on AS stated_on,
       s.recorded_at AS recorded_at, sp.id AS speaker, coalesce(ob.id, sp.id) AS voice
ORDER BY allegation, s.stated_on, s.recorded_at, statement
