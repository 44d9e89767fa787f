"""Full-text search over names, aliases, tag labels and addresses, across sources; a resolved
cluster is one hit (its canonical entity, listing every member)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from graph.db import Graph
from graph.investigate import convert, limits
from graph.investigate.entities import without_nulls
from graph.investigate.types import SearchHit, SearchPage
from graph.model import addresses
from scamgraph.errors import ValidationError

# Characters with a meaning in Lucene query syntax; user text must not be able to use them.
LUCENE_SPECIAL = set('+-&|!(){}[]^"~*?:\\/')
# Index hits read before the kinds filter and paging; bounds the work of one page.
SCAN = 5_000


def lucene_escape(text: str) -> str:
    """A Lucene query matching every word of `text` (AND), with all syntax escaped."""
    terms = []
    for word in text.split():
        escaped = "".join("\\" + c if c in LUCENE_SPECIAL else c for c in word)
        # AND, OR and NOT are operators only in upper case; the analyzer lowercases anyway.
        terms.append(escaped.lower() if escaped in ("AND", "OR", "NOT") else escaped)
    return " AND ".join(terms)


def address_forms(text: str) -> list[str]:
    """Stored forms `text` may take as an address: as typed, lowercased, normalised."""
    raw = text.strip()
    forms = [raw, raw.lower()]
    chain = addresses.detect_chain(raw)
    if chain:
        # A bad checksum means no exact match; the full-text part of the search still runs.
        with contextlib.suppress(ValueError):
            forms.append(addresses.normalise(chain, raw).address)
    return list(dict.fromkeys(forms))


def search(
    graph: Graph, text: str, kinds: Sequence[str] = (), first: int = 20, after: str | None = None,
) -> SearchPage:
    """Entities whose name, alias, address or registration number matches `text`, best first."""
    if not text.strip():
        raise ValidationError("text is empty", hint="pass a name, alias or address to search for")
    limits.check_range("first", first, 1, limits.MAX_PAGE)
    kind_list = limits.check_allowed("kinds", list(kinds), limits.KINDS)
    skip = convert.decode_cursor(after)
    rows = graph.read_plain("investigations/search", {
        "query": lucene_escape(text), "addresses": address_forms(text), "kinds": kind_list,
        "scan": SCAN, "skip": skip, "limit": first + 1,
    })
    hits = tuple(SearchHit(convert.entity(without_nulls(row)), float(row["score"]))
                 for row in rows[:first])
    has_next = len(rows) > first
    end = convert.encode_cursor(skip + len(hits)) if hits else None
    return SearchPage(hits=hits, end_cursor=end, has_next_page=has_next)
