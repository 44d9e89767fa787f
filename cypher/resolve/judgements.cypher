// Every analyst's (and `auto`'s) judgement, undone ones included, oldest first.
MATCH (j:Judgement)
RETURN properties(j) AS judgement
ORDER BY j.at, j.id
