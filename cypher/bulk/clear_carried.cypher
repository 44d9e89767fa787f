// Bookkeeping nodes in a freshly imported store come only from a restore a killed bulk load
// began; recovery deletes them before restoring again.
MATCH (n) WHERE any(label IN labels(n) WHERE label IN $carried)
DETACH DELETE n
