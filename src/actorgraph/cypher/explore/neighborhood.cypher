// An actor's neighborhood: the actors and events up to two derived relationships away (accusations,
// denials, claims, contradictions, alliances, opposition, membership, spokespeople), as paths.
// Parameters: $actor — an actor id, name or alias (any case). Seed example:
// :param actor => 'hur'
MATCH (a:Actor)
WHERE a.id = $actor OR toLower(a.name) = toLower($actor)
   OR toLower($actor) IN [alias IN coalesce(a.aliases, []) | toLower(alias)]
MATCH p = (a)-[:ACCUSES|REPORTS|DENIES_INVOLVEMENT|CLAIMS_RESPONSIBILITY|CONTRADICTS|OPPOSES|SUPPORTS|ALLIED_WITH|PART_OF|SPEAKS_FOR|LEADS*1..2]-(other)
WHERE other:Actor OR other:Event
RETURN p
LIMIT 300
