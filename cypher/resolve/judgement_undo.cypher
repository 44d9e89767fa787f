// Mark a judgement undone (it stays, with who undid it, when and why).
MATCH (j:Judgement {id: $id})
WHERE j.undone_at IS NULL
SET j.undone_at = $at, j.undone_by = $by, j.undo_reason = $reason
RETURN j.id AS id
