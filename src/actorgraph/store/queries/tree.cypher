// Shared tail of the look-ahead reads (store/tree.py): for every row of a head (`n` a node of any of our
// labels, `ord` its position, `meta` what the head knows about it), exactly what the GraphQL selection asked
// for in $plan, in this one query:
//   values: the properties $plan.fields[label] of n (only those: a quote nobody asked for never leaves Neo4j);
//   links:  its selected to-one neighbours, [key, id, label, values], key the relationship in lower case
//           (subject, object, on, reported_in, on_behalf_of) or 'speaker' (the incoming MADE);
//   lists:  for each $plan.lists[li], its statements (made by an actor, on an allegation, reported in a
//           source) of one stance or any, of the reliability `grades` or any (the source's grade, else the
//           speaker's default), by (stated_on, id), at most `limit`, each [li, id, values, links].
// A null `n` (an empty page that still reports its total) yields a row with a null id.
// Relationship types imply the labels at their ends, so no label is checked on the way.
WITH n, ord, meta, [l IN labels(n) WHERE l IN ['Actor', 'Event', 'Allegation', 'Statement', 'Source']][0] AS label
CALL (n) {
  CALL (n) {
    MATCH (n)-[r:SUBJECT|OBJECT|ON|REPORTED_IN|ON_BEHALF_OF]->(x) WHERE $plan.links[toLower(type(r))] IS NOT NULL
    WITH r, x, [l IN labels(x) WHERE l IN ['Actor', 'Event', 'Allegation', 'Source']][0] AS xl
    RETURN [toLower(type(r)), x.id, xl, [k IN $plan.links[toLower(type(r))][xl] | x[k]]] AS link
    UNION ALL
    MATCH (n)<-[:MADE]-(x) WHERE $plan.links.speaker IS NOT NULL
    RETURN ['speaker', x.id, 'Actor', [k IN $plan.links.speaker.Actor | x[k]]] AS link
  }
  RETURN collect(link) AS links
}
CALL (n) {
  UNWIND range(0, size($plan.lists) - 1) AS li
  CALL (n, li) {
    MATCH (n)-[:MADE]->(s) RETURN s
    UNION ALL
    MATCH (n)<-[:ON|REPORTED_IN]-(s) RETURN s
  }
  WITH li, s WHERE ($plan.lists[li].stance IS NULL OR s.stance = $plan.lists[li].stance)
    AND ($plan.lists[li].grades IS NULL
         OR coalesce(head([(s)-[:REPORTED_IN]->(x) | x.reliability]), head([(s)<-[:MADE]-(x) | x.reliability]))
            IN $plan.lists[li].grades)
  WITH li, s ORDER BY s.stated_on, s.id
  WITH li, collect(s) AS found
  UNWIND found[..$plan.lists[li].limit] AS s
  CALL (s, li) {
    CALL (s, li) {
      MATCH (s)-[r:ON|REPORTED_IN|ON_BEHALF_OF]->(x) WHERE $plan.lists[li].links[toLower(type(r))] IS NOT NULL
      WITH r, x, [l IN labels(x) WHERE l IN ['Actor', 'Allegation', 'Source']][0] AS xl
      RETURN [toLower(type(r)), x.id, xl, [k IN $plan.lists[li].links[toLower(type(r))][xl] | x[k]]] AS link
      UNION ALL
      MATCH (s)<-[:MADE]-(x) WHERE $plan.lists[li].links.speaker IS NOT NULL
      RETURN ['speaker', x.id, 'Actor', [k IN $plan.lists[li].links.speaker.Actor | x[k]]] AS link
    }
    RETURN collect(link) AS links
  }
  RETURN collect([li, s.id, [k IN $plan.lists[li].fields | s[k]], links]) AS lists
}
RETURN ord, meta, n.id AS id, label, [k IN $plan.fields[label] | n[k]] AS values, links, lists
