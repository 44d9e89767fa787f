"""`--max-quarantined N|P%`: a run fails, before its write pass, past this many rejects.

The limit is checked after the validation pass, so a run past it leaves the graph unchanged
(the runner makes a validation pass whenever a limit is given, even for single-pass formats).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scamgraph.errors import InputError, ValidationError

_LIMIT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$")


@dataclass(frozen=True)
class QuarantineLimit:
    value: float
    percent: bool
    given: str

    def check(self, read: int, quarantined: int) -> None:
        """InputError when `quarantined` of `read` records exceeds the limit."""
        share = 100.0 * quarantined / read if read else 0.0
        over = share > self.value if self.percent else quarantined > self.value
        if over:
            raise InputError(f"{quarantined} of {read} records quarantined ({share:.1f}%), more "
                             f"than --max-quarantined {self.given}; nothing was written",
                             hint="see the quarantine report for the reasons")


def parse_limit(text: str | None) -> QuarantineLimit | None:
    """`N` (a count) or `P%` (a share of records read); None when not given."""
    if text is None or not text.strip():
        return None
    match = _LIMIT.match(text)
    if not match or (not match.group(2) and "." in match.group(1)):
        raise ValidationError(f"--max-quarantined {text[:40]!r}: want a count N or a share P%")
    value, percent = float(match.group(1)), bool(match.group(2))
    if percent and value > 100:
        raise ValidationError(f"--max-quarantined {text[:40]!r}: a share is at most 100%")
    return QuarantineLimit(value, percent, text.strip())
