// Head of a look-ahead read (tail: tree.cypher): statements by (stated_on, id), undated ones last, filtered by
// stance, speaker and date range (null = any). Forwards without a speaker ($whole false), one keyset page:
// the rows after the cursor ($after_date, $after_id; $after_undated once among the undated), from one range read
// of the stated_on (or stance + stated_on) index in key order, cut at $take (the page size + 1); undated ones
// are read only when the dated ones run out before the page is full. With a speaker, or backwards ($whole), every
// match in key order (a speaker's statements are one expansion; paging backwards through all statements is
// the rare case): the caller cuts the window. `meta` is the total when $with_total; an empty result still
// yields one row (n null) to carry it.
WITH CASE
  WHEN $whole THEN COLLECT {
    CALL () {
      MATCH (:Actor {id: $speaker})-[:MADE]->(n:Statement) RETURN n
      UNION ALL
      MATCH (n:Statement) WHERE $speaker IS NULL RETURN n
    }
    WITH n WHERE ($stance IS NULL OR n.stance = $stance)
      AND ($date_from IS NULL OR n.stated_on >= $date_from) AND ($date_to IS NULL OR n.stated_on <= $date_to)
    RETURN n ORDER BY n.stated_on, n.id }
  WHEN $after_undated THEN []
  WHEN $stance IS NOT NULL THEN COLLECT {
    MATCH (n:Statement) USING INDEX n:Statement(stance, stated_on, id)
    WHERE n.stance = $stance AND n.stated_on >= $lower AND n.stated_on <= $upper
      AND NOT (n.stated_on = $after_date AND n.id <= $after_id)
    RETURN n ORDER BY n.stance, n.stated_on, n.id LIMIT $take }
  ELSE COLLECT {
    MATCH (n:Statement) USING INDEX n:Statement(stated_on, id) WHERE n.stated_on >= $lower AND n.stated_on <= $upper
      AND NOT (n.stated_on = $after_date AND n.id <= $after_id)
    RETURN n ORDER BY n.stated_on, n.id LIMIT $take }
  END AS dated,
  CASE WHEN NOT $with_total THEN null
  WHEN $speaker IS NOT NULL THEN COUNT {
    MATCH (:Actor {id: $speaker})-[:MADE]->(n:Statement)
    WHERE ($stance IS NULL OR n.stance = $stance)
      AND ($date_from IS NULL OR n.stated_on >= $date_from) AND ($date_to IS NULL OR n.stated_on <= $date_to) }
  WHEN $stance IS NOT NULL THEN COUNT {
    MATCH (n:Statement) WHERE n.stance = $stance
      AND ($date_from IS NULL OR n.stated_on >= $date_from) AND ($date_to IS NULL OR n.stated_on <= $date_to) }
  WHEN $date_from IS NOT NULL OR $date_to IS NOT NULL THEN COUNT {
    MATCH (n:Statement) WHERE n.stated_on >= $lower AND n.stated_on <= $upper }
  ELSE COUNT { MATCH (n:Statement) } END AS total
WITH dated, total, CASE
  WHEN $whole OR size(dated) >= $take OR $date_from IS NOT NULL OR $date_to IS NOT NULL THEN []
  ELSE COLLECT {
    MATCH (n:Statement) WHERE n.stated_on IS NULL AND n.id > $undated_after AND ($stance IS NULL OR n.stance = $stance)
    RETURN n ORDER BY n.id LIMIT $take }
  END AS undated
WITH dated + undated AS found, total
UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE range(0, size(found) - 1) END AS ord
WITH found[ord] AS n, ord, total AS meta
