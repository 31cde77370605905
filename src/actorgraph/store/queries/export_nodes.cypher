// Every node of our labels with its properties (name_keys left out: they are derived).
MATCH (n) WHERE n:Actor OR n:Event OR n:Allegation OR n:Statement OR n:Source
RETURN labels(n)[0] AS label, n {.*, name_keys: null} AS props
ORDER BY label, props.id
