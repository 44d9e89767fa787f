from scamgraph.cli import main

main()
