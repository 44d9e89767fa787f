// Bookkeeping nodes to carry across a bulk import (checked by bulk/foreign_nodes first).
// offset_keys: datetimes with a fixed offset (`Z`, `+02:00`), which the driver reads like
// zone ids (`Z` and `[UTC]` both as UTC): graph/carryover.py writes them back as offsets.
MATCH (n)
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props,
       [k IN keys(n) WHERE valueType(n[k]) STARTS WITH 'ZONED DATETIME'
                       AND n[k].timezone = n[k].offset | k] AS offset_keys
