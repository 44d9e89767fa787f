"""scamgraph: links crypto money flows to the organisations, people and compounds behind them."""

__version__ = "0.1.0"
