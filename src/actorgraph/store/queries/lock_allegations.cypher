// Take the write lock of each existing allegation in $ids (sorted by the caller, so two writers lock
// in the same order) before its accounts are read: a concurrent writer of statements on the same
// allegation waits until this transaction commits, so the accounts read stay the accounts changed.
UNWIND $ids AS aid
MATCH (a:Allegation {id: aid})
SET a._lock = true
REMOVE a._lock
