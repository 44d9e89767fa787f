"""`labels`: address label sets (Etherscan-derived label CSVs/JSON, eth-labels, phishing lists)."""
