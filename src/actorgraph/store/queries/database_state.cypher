// The state of one database as the server sees it (run on the `system` database): whether it is
// online, and if not, why (e.g. a damaged transaction log after a full disk).
SHOW DATABASE $name YIELD currentStatus, statusMessage
RETURN currentStatus AS status, statusMessage AS message
