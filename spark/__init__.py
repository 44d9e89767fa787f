"""Chain-scale batch work on Apache Spark (`scamgraph spark ...`, the `spark` extra).

The single-machine path stays the default; these jobs run the same rules (ingest/, graph/model/)
inside Spark tasks so they scale out unchanged from local[*] to a cluster.
"""
