// Store typology hits: MERGE by id (typology|key); a hit met for the first time gets
// first_seen = $run_at and new = true, one met before keeps first_seen and gets new = false.
// Provenance: sources, the run (run_at, origin) and the parameters and scope used (JSON).
UNWIND $hits AS h
MERGE (n:TypologyHit {id: h.id})
ON CREATE SET n.first_seen = datetime($run_at), n.new = true
ON MATCH SET n.new = false
SET n.typology = h.typology, n.key = h.key, n.score = h.score, n.anchor = h.anchor,
  n.wallets = h.wallets, n.transfer_ids = h.transfer_ids, n.amounts = h.amounts,
  n.params = $params, n.scope = $scope, n.last_seen = datetime($run_at), n.origin = $origin,
  n.sources = ['typology:' + h.typology], n.runs = coalesce(n.runs, 0) + 1
RETURN count(n) AS stored, sum(CASE WHEN n.new THEN 1 ELSE 0 END) AS new
