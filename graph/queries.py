"""Queries are loaded by name from the .cypher files in the `cypher` package.

A name is the file's path under cypher/ without the suffix, e.g. "db/components".
Query text is never built from user input: values travel as parameters, and the
few labels or relationship types a caller may choose come from allow-lists.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from importlib.resources.abc import Traversable

from scamgraph.errors import QueryNotFoundError

_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")


def _root() -> Traversable:
    return importlib.resources.files("cypher")


@functools.cache
def load(name: str) -> str:
    """The text of query `name`; raises QueryNotFoundError for an unknown name."""
    if not _NAME.match(name):
        raise QueryNotFoundError(f"bad query name {name!r}", hint="names look like 'db/components'")
    path = _root().joinpath(*f"{name}.cypher".split("/"))
    if not path.is_file():
        raise QueryNotFoundError(f"no query named {name!r} in cypher/")
    return path.read_text(encoding="utf-8").strip()


def split_statements(text: str) -> list[str]:
    """Split a multi-statement file (migrations) on semicolons that end a line."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [part.strip() for part in re.split(r";\s*$", body, flags=re.M) if part.strip()]


def names(folder: str) -> list[str]:
    """Query names in one folder of cypher/, sorted."""
    directory = _root().joinpath(*folder.split("/"))
    files = [f.name for f in directory.iterdir() if f.name.endswith(".cypher")]
    return [f"{folder}/{f.removesuffix('.cypher')}" for f in sorted(files)]
