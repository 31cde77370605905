// The paths between two actors: every shortest path (at most 6 steps, any direction) through the
// derived relationships from one actor to another, e.g. a spokesman to the agency he is accused of serving.
// Parameters: $from and $to — actor ids, names or aliases (any case). Seed example:
// :param from => 'andriy-yusov'
// :param to => 'kremlin'
MATCH (a:Actor)
WHERE a.id = $from OR toLower(a.name) = toLower($from)
   OR toLower($from) IN [alias IN coalesce(a.aliases, []) | toLower(alias)]
MATCH (b:Actor)
WHERE (b.id = $to OR toLower(b.name) = toLower($to)
   OR toLower($to) IN [alias IN coalesce(b.aliases, []) | toLower(alias)]) AND b <> a
MATCH p = allShortestPaths((a)-[:ACCUSES|REPORTS|DENIES_INVOLVEMENT|CLAIMS_RESPONSIBILITY|CONTRADICTS|OPPOSES|SUPPORTS|ALLIED_WITH|PART_OF|SPEAKS_FOR|LEADS*..6]-(b))
RETURN p
