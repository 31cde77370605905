// Shared tail of the list_* queries: slice the ordered ids `ordered` into the requested window.
// $start/$end bound the window (after/before cursors), then $first keeps its head or $last its tail.
WITH ordered, size(ordered) AS total
WITH ordered, total, $start AS s, CASE WHEN $end IS NULL OR $end > total THEN total ELSE $end END AS e
WITH ordered, total, s, CASE WHEN $first IS NOT NULL AND s + $first < e THEN s + $first ELSE e END AS e
WITH ordered, total, CASE WHEN $last IS NOT NULL AND e - $last > s THEN e - $last ELSE s END AS s, e
RETURN total, s AS offset, ordered[s..e] AS ids
