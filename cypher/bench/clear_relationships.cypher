// Delete every relationship in batches first, so clearing a graph with hot wallets never detaches a huge node in one transaction.
MATCH ()-[r]->()
CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS
