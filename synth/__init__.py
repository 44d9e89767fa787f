"""Synthetic scenarios in the real published formats, with ground truth beside the data."""

from synth.generate import Chunking, Summary, generate

__all__ = ["Chunking", "Summary", "generate"]
