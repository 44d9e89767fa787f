"""Entity resolution: candidate matches across sources, analysts' judgements, clusters.

Storage and rules: docs/MODEL.md "Resolution". Entities are never rewritten: a cluster is a
set of :ClusterMember rows derived from :Judgement nodes (mirrored by derived SAME_AS edges
for paths), and the investigative queries read them, so re-ingest stays idempotent and an
undo is exact.
"""

from __future__ import annotations

from graph.resolve.auto import AutoResult, auto
from graph.resolve.auto import rule_for as auto_rule
from graph.resolve.candidates import Candidate, Evidence, candidates, load
from graph.resolve.judgements import (
    judge,
    judgements,
    load_all,
    rebuild,
    sync_same_as,
    undo,
)
from graph.resolve.types import Judgement, Verdict

__all__ = ["AutoResult", "Candidate", "Evidence", "Judgement", "Verdict", "auto", "auto_rule",
           "candidates", "judge", "judgements", "load", "load_all", "rebuild", "sync_same_as",
           "undo"]
