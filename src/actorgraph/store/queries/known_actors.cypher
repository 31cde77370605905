// Every actor's id, name, kind and aliases: what the drafting assistant matches article mentions against.
// Read-only and small (one row per actor, no relationships), so a draft can ask before every run.
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases
ORDER BY a.id
