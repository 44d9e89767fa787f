"""Comparable forms of what two entity records say about themselves, via `rigour`.

rigour (OpenSanctions' normalisation library, already installed as a dependency of
followthemoney 4) does the field's work: name normalisation (normalize_name), legal-form
removal in many languages (remove_org_types: "Co., Ltd.", "OOO", "GmbH", ...), transliteration
(ascii_text: Cyrillic, CJK, Arabic to Latin) and URL cleaning (clean_url_compare). What is left
here is the choice of keys: a name key is the sorted set of words of the transliterated,
normalised name without legal forms ("Huione Group Co., Ltd" and "HUIONE GROUP" both give
"group huione"; Cyrillic "Huione Grupp OOO" gives "grupp huione", close by Jaro-Winkler), so
word order and legal form do not matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from rigour.names import normalize_name, remove_org_types
from rigour.text import ascii_text, is_stopword
from rigour.urls import clean_url_compare

_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]+")
# Words rigour keeps because they are also plain words ("Company", "Corp" in English names are
# legal forms in all but law): dropped from name keys, with rigour's stopwords (the, of, and).
GENERIC_WORDS = frozenset({"company", "corp", "corporation", "co", "incorporated", "inc"})
# Properties that hold names of an entity, by source (docs/MODEL.md).
NAME_PROPS = ("name", "aliases", "legal_name", "tag_name", "gs_actor")


def name_key(name: str) -> str:
    """Sorted words of the normalised, transliterated name without legal forms ('' if none)."""
    normal = normalize_name(name) or ""
    stripped = normalize_name(remove_org_types(normal)) or normal
    words = set(ascii_text(stripped).lower().replace("-", " ").replace("_", " ").split())
    kept = {w for w in words if w not in GENERIC_WORDS and not is_stopword(w)}
    return " ".join(sorted(kept or words))


def identifier(value: str) -> str:
    """A registration number or other identifier compared without spaces, dots and case."""
    return _NOT_ALNUM.sub("", value).upper()


def domain(url: str) -> str | None:
    """The host of a website, without scheme, 'www.' and path; None when there is none."""
    cleaned = clean_url_compare(url if "//" in url else f"http://{url}")
    if not cleaned:
        return None
    host = re.sub(r"^[a-z]+://", "", cleaned).split("/")[0].split(":")[0].lower()
    return host.removeprefix("www.") or None


def _values(props: Mapping[str, Any], key: str) -> list[str]:
    value = props.get(key)
    items: Iterable[Any] = value if isinstance(value, list) else [value]
    return [str(v) for v in items if v not in (None, "")]


def names_of(props: Mapping[str, Any]) -> list[str]:
    return list(dict.fromkeys(v for k in NAME_PROPS for v in _values(props, k)))


def keys_of(props: Mapping[str, Any]) -> set[str]:
    return {k for k in (name_key(n) for n in names_of(props)) if k}


def identifiers_of(props: Mapping[str, Any]) -> set[str]:
    return {i for i in (identifier(v) for v in _values(props, "registration_numbers")) if i}


def domains_of(props: Mapping[str, Any]) -> set[str]:
    urls = _values(props, "website") + _values(props, "websites")
    return {d for d in (domain(u) for u in urls) if d}


def countries_of(props: Mapping[str, Any]) -> set[str]:
    return {c.upper() for k in ("country", "nationality") for c in _values(props, k)}
