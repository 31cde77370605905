// The whole network at a glance: every derived actor-to-actor (or actor-to-event) relationship —
// ACCUSES, REPORTS, DENIES_INVOLVEMENT, CLAIMS_RESPONSIBILITY, CONTRADICTS, OPPOSES, SUPPORTS, ALLIED_WITH,
// PART_OF, SPEAKS_FOR, LEADS — as paths, so Browser draws the readable picture (no provenance nodes).
// Parameters: none.
MATCH p = (:Actor)-[:ACCUSES|REPORTS|DENIES_INVOLVEMENT|CLAIMS_RESPONSIBILITY|CONTRADICTS|OPPOSES|SUPPORTS|ALLIED_WITH|PART_OF|SPEAKS_FOR|LEADS]->(target)
WHERE target:Actor OR target:Event
RETURN p
