// Every wallet id, sorted, for benches that draw random seeds reproducibly.
MATCH (w:Wallet) RETURN w.id AS id ORDER BY id
