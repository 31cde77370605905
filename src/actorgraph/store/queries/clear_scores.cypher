// Remove the scores a report writes back from every actor ($cleared maps each property to null),
// so actors left out of this run keep no stale value.
MATCH (a:Actor)
SET a += $cleared
