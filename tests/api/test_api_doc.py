"""docs/API.md's table of fields by role says what the schema enforces: every guarded field
appears under its role, and nothing else does."""

from __future__ import annotations

import re
from pathlib import Path

from api.limits import ROLE_KEY, metadata
from api.schema import build_schema

DOC = Path(__file__).resolve().parents[2] / "docs" / "API.md"


def _documented() -> dict[str, set[str]]:
    rows = re.findall(r"^\| (reader|analyst|operator|admin) \| (.+) \|$", DOC.read_text(), re.M)
    return {role: set(re.findall(r"`([A-Za-z.]+)`", names)) for role, names in rows}


def _enforced() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for name, kind in build_schema()._schema.type_map.items():
        for field_name, field in getattr(kind, "fields", {}).items() if not name.startswith(
                "__") else ():
            role = metadata(field).get(ROLE_KEY)
            if role is not None:
                label = field_name if name in ("Query", "Mutation") else f"{name}.{field_name}"
                found.setdefault(role.label, set()).add(label)
    return found


def test_the_role_table_matches_the_schema() -> None:
    assert _documented() == _enforced()
