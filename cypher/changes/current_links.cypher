// Current state of a batch's links of one type before it is written (change capture).
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})-[r:$($type) {key: row.key}]->(b:Entity {id: row.end})
RETURN row.start AS start, row.end AS end, row.key AS key, properties(r) AS props
