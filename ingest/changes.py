"""Change capture: what each ingest run changed, as a compact log of `:Change` nodes.

Before a batch of entity or link rows is written, the current properties of those ids are read
(one query per batch) and diffed here against the incoming rows; the changes are written in
the batch's own transaction (`statements`). Kinds (docs/MODEL.md "Changes"):

- `added`: an entity new to the graph (or a placeholder filled in); a link new to the graph
  whose endpoints both existed (links of an added entity are part of its addition);
- `asserted`: an existing entity or link this source had not asserted before;
- `updated`: one property, old -> new (list properties are unioned, so only additions show);
- `unasserted`: at the end of a full-snapshot run, an entity or link that carries this source
  but was not asserted in the run (a delisting, a removed tag). The source is taken off its
  `sources`; nothing is deleted. Links of an unasserted entity are folded into it.
- `retracted` / `removed`: a delta DEL withdrew the source's assertion (ingest/retractions.py).

Provenance bookkeeping (first_seen, last_seen, sources, placeholder) is never a change. A
source's first successful load records nothing per entity (everything is new; the IngestRun
counts say how much). Transfers are append-only and never logged: "new transfers into a
watched wallet" is derived from TRANSFER.first_seen (graph/investigate/changes.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from graph.db import Graph, Statement
from graph.model.vocabulary import LINK_TYPES
from ingest.retractions import retraction_changes

IGNORED = frozenset({"first_seen", "last_seen", "sources", "placeholder", "location",
                     "ftm_ids"})
# Formats whose every run is the whole list: what a run leaves out is no longer asserted.
FULL_SNAPSHOT = frozenset({"ofac-sdn-csv", "ofac-sdn-xml", "ofac-list", "ftm", "ftm-mapping",
                           "tagpack", "actorpack", "compounds", "labels"})
Change = dict[str, Any]


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def change(kind: str, entity: str, *, label: str | None = None, field: str | None = None,
           end: str | None = None, before: Any = None, after: Any = None) -> Change:
    return {"kind": kind, "entity": entity, "label": label, "field": field, "end": end,
            "before": _json(before), "after": _json(after)}


def diff_props(old: dict[str, Any], scalars: dict[str, Any], lists: dict[str, Any]
               ) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for each incoming property that changes what is stored."""
    found = []
    for key, new in sorted(scalars.items()):
        if key not in IGNORED and old.get(key) != new:
            found.append((key, old.get(key), new))
    for key, items in sorted(lists.items()):
        have = list(old.get(key) or [])
        extra = [x for x in items if x not in have]
        if key not in IGNORED and extra:
            found.append((key, have or None, have + extra))
    return found


def merge_rows(rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], Any]
               ) -> dict[Any, dict[str, Any]]:
    """One row per id as the batch leaves it: later scalars win, lists are unioned. A file
    giving one wallet twice (a tag per currency) must not log a flip-flop on every run."""
    merged: dict[Any, dict[str, Any]] = {}
    for row in rows:
        k = key(row)
        if k not in merged:
            merged[k] = {**row, "props": dict(row["props"]),
                         "lists": {n: list(v) for n, v in row.get("lists", {}).items()}}
            continue
        into = merged[k]
        into["props"].update(row["props"])
        for name, items in row.get("lists", {}).items():
            have = into["lists"].setdefault(name, [])
            have += [x for x in items if x not in have]
    return merged


class ChangeRecorder:
    """One run's change capture, driven by GraphSink (writer thread: batches in order)."""

    def __init__(self, graph: Graph, *, source_id: str, now: datetime,
                 retention_days: int, full_snapshot: bool | None = None) -> None:
        self.graph, self.source, self.now = graph, source_id, now
        self.retention_days, self.full_snapshot = retention_days, full_snapshot
        self.run: str | None = None
        self.active = False
        self.added: set[str] = set()
        self.seq = 0
        self._context_read = False

    def _context(self) -> None:
        """Once per run: the IngestRun id, whether the source loaded before, its format."""
        if self._context_read:
            return
        self._context_read = True
        rows = self.graph.read("changes/run_context", {"source": self.source, "now": self.now})
        if not rows:
            return
        row = rows[0]
        self.run, self.active = row["run"], bool(row["loaded"])
        if self.full_snapshot is None:
            self.full_snapshot = row["format"] in FULL_SNAPSHOT

    def statements(self, batch: list[Statement]) -> list[Statement]:
        """The change-log write for a batch about to be written (none if nothing changed)."""
        self._context()
        if not self.active:
            return []
        found: list[Change] = []
        for st in batch:
            if st.name == "ingest/nodes":
                found += self._nodes(st.params["rows"])
            elif st.name == "ingest/links":
                found += self._links(st.params["type"], st.params["rows"])
            elif st.name == "ingest/retract":
                found += retraction_changes(self.graph, self.source, st.params,
                                            change)
        return [self._record(found)] if found else []

    def _record(self, found: list[Change]) -> Statement:
        for c in found:
            c["seq"], self.seq = self.seq, self.seq + 1
        return Statement("changes/record", {"changes": found, "run": self.run})

    def _nodes(self, rows: list[dict[str, Any]]) -> list[Change]:
        merged = merge_rows(rows, lambda r: r["id"])
        current = {r["id"]: r["props"] for r in self.graph.read(
            "changes/current_nodes", {"ids": list(merged)})}
        found: list[Change] = []
        for node_id, row in merged.items():
            old, label = current.get(node_id), row["labels"][0]
            if old is None or old.get("placeholder"):
                self.added.add(node_id)
                found.append(change("added", node_id, label=label,
                                    after=row["props"].get("name") or node_id))
                continue
            if self.source not in (old.get("sources") or []):
                found.append(change("asserted", node_id, label=label))
            found += [change("updated", node_id, label=label, field=k, before=b, after=a)
                      for k, b, a in diff_props(old, row["props"], row["lists"])]
        return found

    def _links(self, link_type: str, rows: list[dict[str, Any]]) -> list[Change]:
        merged = merge_rows(rows, lambda r: (r["start"], r["end"], r["key"]))
        current = {(r["start"], r["end"], r["key"]): r["props"] for r in self.graph.read(
            "changes/current_links", {"rows": list(merged.values()), "type": link_type})}
        found: list[Change] = []
        for key, row in merged.items():
            start, end = row["start"], row["end"]
            old = current.get(key)
            if old is None:
                if start not in self.added and end not in self.added:
                    found.append(change("added", start, field=link_type, end=end))
                continue
            if self.source not in (old.get("sources") or []):
                found.append(change("asserted", start, field=link_type, end=end))
            found += [change("updated", start, field=f"{link_type}.{k}", end=end, before=b,
                             after=a) for k, b, a in diff_props(old, row["props"], {})]
        return found

    def finish(self) -> None:
        """After the last batch of a successful run: unasserted records, then pruning."""
        self._context()
        if self.full_snapshot and self.active:
            found = self._unasserted()
            if found:
                self.graph.write_batch([self._record(found)],
                                       shared={"source": self.source, "now": self.now})
        cutoff = self.now - timedelta(days=self.retention_days)
        self.graph.write("changes/prune", {"cutoff": cutoff})

    def _unasserted(self) -> list[Change]:
        params = {"source": self.source, "now": self.now}
        nodes = self.graph.write("changes/unassert_nodes", params).records
        gone = {r["id"] for r in nodes}
        found = [change("unasserted", r["id"], label=r["label"], before=r["name"])
                 for r in nodes]
        types = sorted(LINK_TYPES - {"TRANSFER"})
        links = self.graph.write("changes/unassert_links", {**params, "types": types}).records
        found += [change("unasserted", r["start"], field=r["type"], end=r["end"],
                         before=r["end"]) for r in links
                  if r["start"] not in gone and r["end"] not in gone]
        return found
