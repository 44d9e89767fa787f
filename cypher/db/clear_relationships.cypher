// Delete every relationship in batches first: detaching supernodes node by node would
// hold all their relationships in one transaction's memory.
MATCH ()-[r]->()
CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS
