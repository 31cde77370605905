// Allegations with a statement whose chain of custody passes through a source in $ids (reported in it,
// quoted from it, or in a source derived from it): their origins change when such a source's link does.
UNWIND $ids AS sid
MATCH (:Source {id: sid})<-[:DERIVED_FROM*0..32]-(:Source)<-[:REPORTED_IN|QUOTED_FROM]-(:Statement)-[:ON]->(a:Allegation)
RETURN DISTINCT a.id AS id
