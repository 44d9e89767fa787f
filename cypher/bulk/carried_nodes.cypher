// Bookkeeping nodes to carry across a bulk import (checked by bulk/foreign_nodes first).
MATCH (n)
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props
