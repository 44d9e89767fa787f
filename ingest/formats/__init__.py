"""The format registry: CLI name -> reader, imported on first use.

Formats are grouped by family (`ofac/`, `ftm/`, `graphsense/`, `chains/`, `places/`): adding
a source format is one module in its family's folder and one line here. Modules are named as
data and imported lazily, once, so one format's missing or broken module (or its heavy
dependency, e.g. followthemoney) never breaks the others. An entry is "module" (its `read`
function) or "module:function".
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterator
from types import ModuleType

from ingest.formats.base import Item, Reader, SourceInput
from scamgraph.errors import InputError, ScamgraphError

FORMAT_MODULES: dict[str, str] = {
    "ofac-sdn-csv": "ingest.formats.ofac.sdn_csv",
    "ofac-sdn-xml": "ingest.formats.ofac.sdn_xml",
    "ofac-list": "ingest.formats.ofac.address_list",
    "ftm": "ingest.formats.ftm.entities",
    "ftm-mapping": "ingest.formats.ftm.mapping",
    "tagpack": "ingest.formats.graphsense.tagpack",
    "actorpack": "ingest.formats.graphsense.actorpack",
    "ethereum-etl": "ingest.formats.chains.ethereum_etl",
    "bitcoin-etl": "ingest.formats.chains.bitcoin_etl",
    "trongrid": "ingest.formats.chains.trongrid",
    "compounds": "ingest.formats.places.compounds",
    "labels": "ingest.formats.labels.read",
    "typology-hits": "ingest.formats.typology_hits",
}
_LOADED: dict[str, ModuleType] = {}


def _module(name: str) -> ModuleType:
    """The module of format `name`, imported once; InputError for an unknown or broken one."""
    target = FORMAT_MODULES.get(name)
    if target is None:
        known = ", ".join(sorted(FORMAT_MODULES))
        raise InputError(f"unknown format {name!r}", hint=f"formats: {known}")
    module = _LOADED.get(name)
    if module is None:
        try:
            module = importlib.import_module(target.partition(":")[0])
        except ModuleNotFoundError as exc:
            raise InputError(f"format {name!r} is not available: {exc}") from exc
        _LOADED[name] = module
    return module


def load_reader(name: str) -> Reader:
    """The reader of format `name`; InputError for an unknown or unavailable format."""
    attr = FORMAT_MODULES[name].partition(":")[2] if name in FORMAT_MODULES else ""
    reader: Reader = getattr(_module(name), attr or "read")
    return _never_a_traceback(name, reader)


def _never_a_traceback(name: str, reader: Reader) -> Reader:
    """The reader, with any exception it did not mean (a bug its hostile input found) turned
    into an InputError naming the file and the last position read.

    Readers quarantine bad items and raise InputError themselves; this is the backstop, so an
    operator gets a clear error and an IngestRun marked failed instead of a traceback. The
    fuzz test (tests/ingest/test_fuzz.py) reads without it, so such bugs still show there.
    """

    @functools.wraps(reader)
    def guarded(src: SourceInput) -> Iterator[Item]:
        where = "before the first record"
        try:
            for item in reader(src):
                where = f"after {item.position}" if item.position else where
                yield item
        except ScamgraphError:
            raise
        except Exception as exc:
            raise InputError(f"{src.name}: the {name} reader failed {where}: "
                             f"{type(exc).__name__}: {str(exc)[:300]}",
                             hint="the file is malformed in a way the reader does not "
                             "report yet; please report it with the file") from exc

    return guarded


def single_pass(name: str) -> bool:
    """Whether format `name` raises InputError only before its first record (module SINGLE_PASS).

    Such a format can be validated and written in one pass and still leave the graph as it
    was when the file does not parse; every other format gets a validation pass first.
    """
    try:
        return bool(getattr(_module(name), "SINGLE_PASS", False))
    except InputError:
        return False


__all__ = ["FORMAT_MODULES", "Item", "Reader", "SourceInput", "load_reader", "single_pass"]
