"""Candidate matches across sources, scored, each score with its evidence.

Blocking keeps this near-linear: two entities are compared only when they share two words of
a name key (one word for one-word names; a block held by more than MAX_BLOCK entities is too
common to block on), a registration number or a website domain. The score adds what the
evidence says (weights below, stated in docs/MODEL.md "Resolution") and is clipped to 0..1.
Name similarity is rigour's Jaro-Winkler on the name keys of names.py, the best over every
name and alias of both.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rigour.text import jaro_winkler

from graph.db import Graph
from graph.resolve import names

# Entities sharing one blocking word before the word stops being a block (a very common word).
MAX_BLOCK = 200
# Name similarity below this adds nothing.
NAME_FLOOR = 0.85
WEIGHTS = {
    "same_name": 0.6, "similar_name": 0.5, "same_country": 0.1, "other_country": -0.2,
    "same_identifier": 0.4, "other_identifier": -0.3, "same_domain": 0.3, "other_domain": -0.1,
    "referent": 0.6,
}


@dataclass(frozen=True)
class Record:
    id: str
    kind: str
    keys: frozenset[str]
    identifiers: frozenset[str]
    domains: frozenset[str]
    countries: frozenset[str]
    referents: frozenset[str]
    sources: tuple[str, ...]
    cluster: str | None
    name: str | None


@dataclass(frozen=True)
class Evidence:
    kind: str
    detail: str
    weight: float


@dataclass(frozen=True)
class Candidate:
    a: str
    b: str
    score: float
    evidence: tuple[Evidence, ...]

    def has(self, kind: str) -> bool:
        return any(e.kind == kind for e in self.evidence)


def record(row: dict[str, Any]) -> Record:
    props = {k: v for k, v in row["props"].items() if v is not None}
    given = props.get("referents")
    return Record(
        row["id"], row["kind"], frozenset(names.keys_of(props)),
        frozenset(names.identifiers_of(props)), frozenset(names.domains_of(props)),
        frozenset(names.countries_of(props)),
        frozenset(given if isinstance(given, list) else [given] if given else []),
        tuple(props.get("sources") or ()), row["cluster"], props.get("name") or props.get(
            "tag_name"))


def load(graph: Graph) -> list[Record]:
    return [record(row) for row in graph.read("resolve/entities", timeout_s=600.0)]


def _block_words(key: str) -> Iterator[str]:
    """Blocking keys of a name key: its word pairs (its word when it has one), so names meet
    when they share two words: one shared word ("golden", "asia") pairs too much."""
    words = key.split()
    if len(words) == 1:
        yield words[0]
    yield from (f"{x} {y}" for x, y in itertools.combinations(words, 2))


def _blocks(records: list[Record]) -> Iterator[list[Record]]:
    by: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    # A referent meets the record naming it even when their names share no word.
    named = {x for r in records for x in r.referents}
    for r in records:
        for ref in r.referents | ({r.id} & named):
            by[(r.kind, "r", ref)].append(r)
        for word in {w for k in r.keys for w in _block_words(k)}:
            by[(r.kind, "w", word)].append(r)
        for ident in r.identifiers:
            by[(r.kind, "i", ident)].append(r)
        for host in r.domains:
            by[(r.kind, "d", host)].append(r)
    for (_, what, _), members in by.items():
        if len(members) > 1 and (what != "w" or len(members) <= MAX_BLOCK):
            yield members


def _name(a: Record, b: Record) -> Evidence | None:
    same = sorted(a.keys & b.keys)
    if same:
        return Evidence("same_name", f"normalised name {same[0]!r}", WEIGHTS["same_name"])
    best, pair = 0.0, ("", "")
    for x, y in itertools.product(sorted(a.keys), sorted(b.keys)):
        sim = jaro_winkler(x, y)
        if sim > best:
            best, pair = sim, (x, y)
    if best < NAME_FLOOR:
        return None
    return Evidence("similar_name", f"{pair[0]!r} ~ {pair[1]!r} (Jaro-Winkler {best:.2f})",
                    round(WEIGHTS["similar_name"] * best, 3))


def _overlap(kind: str, other: str, xs: frozenset[str], ys: frozenset[str],
             what: str) -> Evidence | None:
    if not xs or not ys:
        return None
    if xs & ys:
        return Evidence(kind, f"{what} {', '.join(sorted(xs & ys))}", WEIGHTS[kind])
    return Evidence(other, f"{what} {', '.join(sorted(xs))} vs {', '.join(sorted(ys))}",
                    WEIGHTS[other])


def score(a: Record, b: Record) -> Candidate | None:
    """The pair's score and evidence; None when their names are not alike."""
    name = _name(a, b)
    refer = (Evidence("referent", "FtM referents name the other", WEIGHTS["referent"])
             if a.id in b.referents or b.id in a.referents else None)
    ident = _overlap("same_identifier", "other_identifier", a.identifiers, b.identifiers,
                     "registration number")
    if name is None and refer is None and not (ident and ident.weight > 0):
        return None
    found = [name, refer, ident,
             _overlap("same_country", "other_country", a.countries, b.countries, "country"),
             _overlap("same_domain", "other_domain", a.domains, b.domains, "website")]
    evidence = tuple(e for e in found if e is not None)
    total = max(0.0, min(1.0, sum(e.weight for e in evidence)))
    x, y = sorted((a.id, b.id))
    return Candidate(x, y, round(total, 3), evidence)


def candidates(records: list[Record], min_score: float = 0.5) -> list[Candidate]:
    """Scored pairs at min_score or above, best first; members of one cluster are not paired."""
    seen: set[tuple[str, str]] = set()
    found = []
    for block in _blocks(records):
        for a, b in itertools.combinations(block, 2):
            key = (min(a.id, b.id), max(a.id, b.id))
            if key in seen or a.id == b.id or (a.cluster and a.cluster == b.cluster):
                continue
            seen.add(key)
            pair = score(a, b)
            if pair and pair.score >= min_score:
                found.append(pair)
    return sorted(found, key=lambda c: (-c.score, c.a, c.b))
