"""GraphSense vocabulary shared by `tagpack` and `actorpack`: actor ids, the confidence scale,
and which taxonomy categories make an organisation kind label."""

from __future__ import annotations

import re

# graphsense-tagpack-tool src/tagpack/db/confidence.csv (id -> level 0..100); stored as 0..1.
CONFIDENCE_LEVELS: dict[str, int] = {
    "override": 100, "ownership": 100, "ledger_immanent": 100, "manual_transaction": 90,
    "service_api": 70, "forensic_investigation": 70, "authority_data": 60,
    "trusted_provider": 50, "service_data": 50, "forensic": 50, "untrusted_transaction": 40,
    "web_crawl": 20, "heuristic": 10, "unknown": 5,
}
# GraphSense concepts (src/tagpack/db/concepts.yaml) -> Organization kind labels.
CATEGORY_KINDS: dict[str, str] = {
    "exchange": "Exchange", "market": "Marketplace", "mixing_service": "Mixer",
    "coinjoin": "Mixer", "payment_processor": "PaymentProvider", "defi_bridge": "Bridge",
    "scam": "ScamOperation", "ponzi_scheme": "ScamOperation", "pyramid_scheme": "ScamOperation",
    "investment_fraud": "ScamOperation", "phishing": "ScamOperation",
}


def actor_id(actor: str) -> str:
    """The Organization id of a GraphSense actor."""
    return f"gs-actor-{actor.strip()}"


def tag_name(actor: str, label: str) -> str:
    """A readable name for an actor known from tags: its id's words as a tag label spells them
    ("okx" in "OKX hot wallet" -> "OKX"), else capitalised ("tornado-cash" -> "Tornado Cash")."""
    words = [w for w in re.split(r"[-_\s]+", actor.strip()) if w]
    pattern = r"(?<!\w)" + r"[-_\s]+".join(re.escape(w) for w in words) + r"(?!\w)"
    found = re.search(pattern, label, flags=re.IGNORECASE) if words else None
    if found and not found.group(0).islower():
        return found.group(0)
    return " ".join(w[:1].upper() + w[1:] for w in words)


def confidence_of(value: object) -> float | None:
    """A named confidence level (or a number in 0..1) as 0..1; ValueError when unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    level = CONFIDENCE_LEVELS.get(str(value).strip())
    if level is None:
        known = ", ".join(CONFIDENCE_LEVELS)
        raise ValueError(f"unknown confidence level {value!r} (scale: {known})")
    return level / 100


def kinds_for(categories: list[str]) -> tuple[str, ...]:
    return tuple(sorted({CATEGORY_KINDS[c] for c in categories if c in CATEGORY_KINDS}))
