// How many nodes the database holds (from the count store: instant on any size).
MATCH (n) RETURN count(n) AS n
