// Append a batch's changes (JSON before/after) to the change log of run $run.
UNWIND $changes AS c
CREATE (:Change {run: $run, source: $source, at: $now, seq: c.seq, kind: c.kind,
                 entity: c.entity, label: c.label, field: c.field, end: c.end,
                 before: c.before, after: c.after})
