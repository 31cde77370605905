// The first and last stated_on of the statements dated within [$date_from, $date_to] (either may be null:
// unbounded); null, null when none is: where the windows of `analyze --window` start and end. Answered
// from the stated_on index, without reading the statements.
MATCH (s:Statement)
WHERE s.stated_on IS NOT NULL
  AND ($date_from IS NULL OR s.stated_on >= $date_from) AND ($date_to IS NULL OR s.stated_on <= $date_to)
RETURN min(s.stated_on) AS first, max(s.stated_on) AS last
