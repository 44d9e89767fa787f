// Nodes a bulk import would destroy: anything that is not bookkeeping (entities above all).
// LIMIT stops the scan at the first few, so a full graph answers at once.
MATCH (n)
WHERE size(labels(n)) = 0 OR any(label IN labels(n) WHERE NOT label IN $carried)
RETURN labels(n) AS labels
LIMIT 5
