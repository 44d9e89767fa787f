// Relationships between bookkeeping nodes (IngestRun -> Source), carried across a bulk import.
MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS props
