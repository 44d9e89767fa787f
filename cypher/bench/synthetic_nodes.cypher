// Benchmark data: create synthetic entities (labels from the generator's fixed list), marked synthetic.
UNWIND $rows AS r
CREATE (n:$(r.labels))
SET n = r.props, n.synthetic = true
