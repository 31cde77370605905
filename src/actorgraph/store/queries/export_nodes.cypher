// Every node of our labels with its properties (name_keys left out: they are derived).
MATCH (n) WHERE n:Actor OR n:Event OR n:Allegation OR n:Statement OR n:Source
// The model label is named explicitly: Browser display labels (ArmedGroup, RankHigh...) may sit beside it.
RETURN CASE WHEN n:Actor THEN 'Actor' WHEN n:Event THEN 'Event' WHEN n:Allegation THEN 'Allegation'
            WHEN n:Statement THEN 'Statement' ELSE 'Source' END AS label,
       n {.*, name_keys: null} AS props
ORDER BY label, props.id
