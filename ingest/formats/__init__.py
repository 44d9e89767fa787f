"""The format registry: CLI name -> reader, imported on first use.

Modules are named as data and imported lazily so one format's missing or broken module
(or its heavy dependency, e.g. followthemoney) never breaks the others. An entry is
"module" (its `read` function) or "module:function".
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from ingest.formats.base import Item, Reader, SourceInput
from scamgraph.errors import InputError

FORMAT_MODULES: dict[str, str] = {
    "ofac-sdn-csv": "ingest.formats.ofac_sdn_csv",
    "ofac-sdn-xml": "ingest.formats.ofac_sdn_xml",
    "ofac-list": "ingest.formats.ofac_list",
    "ftm": "ingest.formats.ftm",
    "ftm-mapping": "ingest.formats.ftm_mapping",
    "tagpack": "ingest.formats.tagpack",
    "actorpack": "ingest.formats.actorpack",
    "ethereum-etl": "ingest.formats.ethereum_etl",
    "bitcoin-etl": "ingest.formats.bitcoin_etl",
    "trongrid": "ingest.formats.trongrid",
    "compounds": "ingest.formats.compounds",
}


def load_reader(name: str) -> Reader:
    """The reader of format `name`; InputError for an unknown or unavailable format."""
    target = FORMAT_MODULES.get(name)
    if target is None:
        known = ", ".join(sorted(FORMAT_MODULES))
        raise InputError(f"unknown format {name!r}", hint=f"formats: {known}")
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise InputError(f"format {name!r} is not available: {exc}") from exc
    reader: Reader = getattr(module, attr or "read")
    return reader


def single_pass(name: str) -> bool:
    """Whether format `name` raises InputError only before its first record (module SINGLE_PASS).

    Such a format can be validated and written in one pass and still leave the graph as it
    was when the file does not parse; every other format gets a validation pass first.
    """
    module_name = FORMAT_MODULES.get(name, "").partition(":")[0]
    try:
        module = importlib.import_module(module_name)
    except (ModuleNotFoundError, ValueError):
        return False
    return bool(getattr(module, "SINGLE_PASS", False))


class _Registry(Mapping[str, Reader]):
    """A read-only mapping that imports a format's module only when it is looked up."""

    def __getitem__(self, name: str) -> Reader:
        if name not in FORMAT_MODULES:
            raise KeyError(name)
        return load_reader(name)

    def __iter__(self) -> Iterator[str]:
        return iter(FORMAT_MODULES)

    def __len__(self) -> int:
        return len(FORMAT_MODULES)


FORMATS: Mapping[str, Reader] = _Registry()

__all__ = [
    "FORMATS", "FORMAT_MODULES", "Item", "Reader", "SourceInput", "load_reader", "single_pass",
]
