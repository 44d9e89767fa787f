// Re-create carried nodes; labels were checked against the allow-list in graph/carryover.py.
UNWIND $rows AS row
CREATE (n)
SET n = row.props, n:$(row.labels)
RETURN row.key AS key, elementId(n) AS node
