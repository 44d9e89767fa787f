// Record judgements (new ones, or imported ones by id: an import of the same file is a no-op).
UNWIND $rows AS row
MERGE (j:Judgement {id: row.id})
SET j += row
