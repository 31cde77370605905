// How many statements have no `stated_on`: left out of what is read as of a day (nothing says they had
// been said by then), so reports can say how many.
MATCH (s:Statement) WHERE s.stated_on IS NULL
RETURN count(s) AS n
