from scamgraph.cli import main

# Guarded: the bulk loader's staging process (multiprocessing, spawn) imports this module again.
if __name__ == "__main__":
    main()
