// Transfers imported twice (the same id from two files, or far apart in one): keep the first,
// give it the sources of all, delete the rest. Only run when the transfer_id constraint
// could not be created, so the whole-graph scan is paid only when duplicates exist.
MATCH ()-[t:TRANSFER]->()
WITH t.id AS id, collect(t) AS copies
WHERE size(copies) > 1
WITH id, head(copies) AS kept, tail(copies) AS extra
SET kept.sources = reduce(acc = kept.sources, d IN extra |
                          acc + [s IN d.sources WHERE NOT s IN acc])
WITH id, kept, extra, [d IN extra | d.sources] AS extra_sources
FOREACH (d IN extra | DELETE d)
RETURN id, size(extra) AS removed, extra_sources
