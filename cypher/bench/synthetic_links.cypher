// Benchmark data: relationships between synthetic entities (types from the generator's fixed list).
UNWIND $rows AS r
MATCH (a:Entity {id: r.start}), (b:Entity {id: r.end})
CREATE (a)-[l:$(r.type)]->(b)
SET l = r.props, l.synthetic = true
