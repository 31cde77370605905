// `db check`: every actor's name and aliases beside the keys of the NameKey nodes that name it, for the
// "name-keys" check (alias resolution finds actors only through that index), and its kind (a reporting
// voice's affirmations derive REPORTS, not ACCUSES: the "derived" check needs it).
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.name_keys AS name_keys,
       [(k:NameKey)-[:NAMES]->(a) | k.key] AS keys
