// Everything said about one actor: each statement on an allegation whose subject or object is the
// actor — who said it, affirming or denying, the allegation's status, the quote and the source.
// Parameters: $actor — an actor id, name or alias (any case). Seed example:
// :param actor => 'freedom-of-russia-legion'
MATCH (a:Actor)
WHERE a.id = $actor OR toLower(a.name) = toLower($actor)
   OR toLower($actor) IN [alias IN coalesce(a.aliases, []) | toLower(alias)]
MATCH (al:Allegation)-[role:SUBJECT|OBJECT]->(a)
MATCH (speaker:Actor)-[:MADE]->(st:Statement)-[:ON]->(al)
OPTIONAL MATCH (st)-[:REPORTED_IN]->(src:Source)
RETURN a.name AS actor,
       toLower(type(role)) AS mentioned_as,
       al.predicate AS predicate,
       al.summary AS allegation,
       al.status AS status,
       speaker.name AS speaker,
       st.stance AS stance,
       st.quote AS quote,
       coalesce(src.title, src.id) AS source
ORDER BY mentioned_as DESC, predicate, allegation, stance, speaker
