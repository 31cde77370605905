// Remove every derived actor relationship touching $actors; they are rebuilt right after.
UNWIND $actors AS xid
MATCH (x:Actor {id: xid})-[r:ACCUSES|DENIES_INVOLVEMENT|CLAIMS_RESPONSIBILITY|CONTRADICTS|OPPOSES|SUPPORTS|ALLIED_WITH|PART_OF|SPEAKS_FOR|LEADS]-()
DELETE r
