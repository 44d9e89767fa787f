"""Chain exports: ethereum-etl, bitcoin-etl and TronGrid pages, read into transfers."""
