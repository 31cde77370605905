// After a bulk import: an actor with no alias gets the empty list the online write gives it (an
// import file cannot say "empty list", only "no value").
MATCH (a:Actor) WHERE a.aliases IS NULL
CALL (a) { SET a.aliases = [] } IN TRANSACTIONS OF 10000 ROWS
