"""The Remarks column of OFAC's legacy SDN.CSV: `; `-separated facts in free text.

Only what the graph model holds is read: digital currency addresses, aliases, birth date,
nationality/citizenship and the website. The legacy file cuts Remarks at 1,000 characters
(the rest lives in SDN_COMMENTS.CSV), so an address at a cut edge may be incomplete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from followthemoney.types import registry

# SDN.CSV's Remarks column holds at most this many characters.
REMARKS_LIMIT = 1000
_ADDRESS = re.compile(r"^Digital Currency Address - ([A-Za-z0-9]+) (\S+)$")
_ALIAS = re.compile(r"^[afn]\.k\.a\. '(.+)'$")
_DOB = re.compile(r"^DOB (.+)$")
_NATION = re.compile(r"^(?:nationality|citizen) (.+)$")
_WEBSITE = re.compile(r"^Website (\S+)$")


@dataclass
class Remarks:
    addresses: list[tuple[str, str]] = field(default_factory=list)
    cut_address: tuple[str, str] | None = None
    aliases: list[str] = field(default_factory=list)
    birth_date: str = ""
    nationality: list[str] = field(default_factory=list)
    website: str = ""


def parse_remarks(text: str) -> Remarks:
    """The facts of one Remarks cell."""
    out = Remarks()
    parts = [p.strip() for p in text.split(";")]
    if parts and parts[-1].endswith("."):
        parts[-1] = parts[-1][:-1]
    for part in parts:
        _absorb(out, part.removeprefix("alt. "))
    if len(text) >= REMARKS_LIMIT and out.addresses and _ends_with_address(parts):
        # The cut may have fallen inside the last address: never store a guessed prefix.
        out.cut_address = out.addresses.pop()
    return out


def _ends_with_address(parts: list[str]) -> bool:
    return bool(_ADDRESS.match(parts[-1].removeprefix("alt. ")))


def _absorb(out: Remarks, part: str) -> None:
    if m := _ADDRESS.match(part):
        out.addresses.append((m.group(1), m.group(2)))
    elif m := _ALIAS.match(part):
        out.aliases.append(m.group(1))
    elif (m := _DOB.match(part)) and not out.birth_date:
        out.birth_date = iso_date(m.group(1))
    elif m := _NATION.match(part):
        code = registry.country.clean(m.group(1))
        if code and code not in out.nationality:
            out.nationality.append(code)
    elif (m := _WEBSITE.match(part)) and not out.website:
        out.website = m.group(1)


def iso_date(text: str) -> str:
    """'25 Mar 1977' -> '1977-03-25', 'Mar 1977' -> '1977-03'; anything else kept as written."""
    for fmt, width in (("%d %b %Y", 10), ("%b %Y", 7), ("%Y", 4)):
        try:
            return datetime.strptime(text.strip(), fmt).strftime("%Y-%m-%d")[:width]
        except ValueError:
            continue
    return text.strip()


def programs(cell: str) -> list[str]:
    """'DPRK3] [CYBER2' -> ['DPRK3', 'CYBER2'] (the legacy file joins programs with '] [')."""
    return [p.strip(" []") for p in cell.split("] [") if p.strip(" []")]
