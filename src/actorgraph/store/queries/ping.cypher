// The cheapest query: proves the server answers (and, in a read, yields a bookmark).
RETURN 1 AS ok
