// The unfiltered actor network in one streamed query: every actor (isolated ones too) with its outgoing
// derived actor-to-actor relationships and their evidence, as the store keeps them (nothing re-derived,
// no statement read). Relationships to events are not part of the actor network. The statement id lists
// are the bulk of the transfer: sent only when $with_statements (contradictions need them).
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind, COLLECT {
  MATCH (a)-[r:ACCUSES|REPORTS|CONTRADICTS|OPPOSES|SUPPORTS|ALLIED_WITH|PART_OF|SPEAKS_FOR|LEADS|DENIES_INVOLVEMENT]->(b:Actor)
  RETURN [b.id, type(r), r.count, CASE WHEN $with_statements THEN r.statements ELSE [] END, r.first_stated,
          r.last_stated]
} AS out
