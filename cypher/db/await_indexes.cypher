// Block until every index is online (populating indexes are not used by the planner).
CALL db.awaitIndexes($seconds)
