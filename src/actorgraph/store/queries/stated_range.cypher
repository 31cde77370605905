// The first and last stated_on of all statements (null, null when none is dated): where the windows of
// `analyze --window` start and end. Answered from the stated_on index, without reading the statements.
MATCH (s:Statement)
WHERE s.stated_on IS NOT NULL
RETURN min(s.stated_on) AS first, max(s.stated_on) AS last
