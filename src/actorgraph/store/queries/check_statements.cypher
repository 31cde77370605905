// `db check`: every statement with the ids at the end of each of its provenance relationships (lists,
// so that a missing or doubled link shows) and what the quote check needs.
MATCH (s:Statement)
RETURN s.id AS id, s.stance AS stance, s.stated_on AS stated_on, s.quote AS quote,
       s.start AS start, s.end AS end,
       [(x:Actor)-[:MADE]->(s) | x.id] AS speakers,
       [(s)-[:ON]->(a:Allegation) | a.id] AS allegations,
       [(s)-[:REPORTED_IN]->(src:Source) | src.id] AS sources,
       [(s)-[:ON_BEHALF_OF]->(b:Actor) | b.id] AS on_behalf_of,
       [(s)-[:QUOTED_FROM]->(q:Source) | q.id] AS quoted_from
