"""Sanctions authorities as sources write them -> one code per authority, and FollowTheMoney
topics -> the risk the graph derives (docs/MODEL.md "Risk from sources").

A Sanction keeps the source's own spelling in `authority_name`; `authority` (and the Sanction
id) is the code, so "OFAC" and "Office of Foreign Assets Control" are one authority.
"""

from __future__ import annotations

import re

# Lowercased names and abbreviations (punctuation dropped) -> code.
AUTHORITY_CODES: dict[str, str] = {
    "ofac": "OFAC", "office of foreign assets control": "OFAC",
    "us ofac": "OFAC", "u s ofac": "OFAC", "us treasury ofac": "OFAC",
    "us department of the treasury office of foreign assets control": "OFAC",
    "eu": "EU", "european union": "EU", "council of the european union": "EU",
    "european commission": "EU", "eu council": "EU",
    "ofsi": "UK-OFSI", "uk ofsi": "UK-OFSI",
    "office of financial sanctions implementation": "UK-OFSI",
    "hm treasury": "UK-OFSI", "uk hm treasury": "UK-OFSI", "fcdo": "UK-OFSI",
    "un": "UN", "united nations": "UN", "un security council": "UN",
    "united nations security council": "UN", "unsc": "UN",
    "fincen": "FinCEN-311", "fincen 311": "FinCEN-311",
    "financial crimes enforcement network": "FinCEN-311",
    "seco": "CH-SECO", "state secretariat for economic affairs": "CH-SECO",
    "dfat": "AU-DFAT", "department of foreign affairs and trade": "AU-DFAT",
    "global affairs canada": "CA-GAC", "mofa japan": "JP-MOFA",
}
_PUNCT = re.compile(r"[^a-z0-9]+")

# FtM topics (followthemoney/types/topic.py) that make an entity scam-linked: they become the
# category "scam", which exposure reads (graph/investigate/exposure.py SCAM_CATEGORIES).
SCAM_TOPICS = ("crime.fraud", "crime.traffick", "crime.cyber")
# Topics that mean the entity itself is sanctioned ("sanction.linked" does not).
SANCTION_TOPICS = frozenset({"sanction"})


def authority_code(name: str) -> str:
    """The code of a sanctions authority; an unknown one is kept as written (stripped)."""
    key = _PUNCT.sub(" ", name.lower()).strip()
    return AUTHORITY_CODES.get(key, name.strip())


def topic_categories(topics: list[str]) -> list[str]:
    """Risk categories for FtM topics: "scam" for fraud, trafficking and cyber crime."""
    scam = any(t == s or t.startswith(s + ".") for t in topics for s in SCAM_TOPICS)
    return ["scam"] if scam else []


def is_sanctioned_topic(topics: list[str]) -> bool:
    return any(t in SANCTION_TOPICS for t in topics)
