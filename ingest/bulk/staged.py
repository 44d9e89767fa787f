"""A staged directory: the importer's CSV files staged elsewhere (`scamgraph spark stage`), and
the manifest that lets `ingest --bulk --staged DIR` record each input's Source and IngestRun.

The layout, written by the stager and checked here before the server is touched:
  manifest.json          version, the staging time, every input's counts, the file lists
  transfers-*.csv ...    relationship files, each with the TRANSFER_HEADER line
  wallets-*.csv ...      node files, each with the WALLET_HEADER line
  quarantine/input-N.jsonl   rejected records of input N, in ingest/quarantine.py's format
"""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from graph.local.importer import ImportFiles
from ingest.bulk.load import Load
from ingest.bulk.stage import TRANSFER_HEADER, WALLET_HEADER
from ingest.fetch import Materialised
from ingest.quarantine import Quarantine
from ingest.runner import new_summary, quarantine_for
from scamgraph.errors import ValidationError
from scamgraph.settings import Settings

MANIFEST, VERSION = "manifest.json", 1


@dataclass
class StagedInput:
    format: str
    source: str  # the path as given to the stager (quarantine entries name it)
    source_id: str
    sha256: str
    options: dict[str, str] = field(default_factory=dict)
    read: int = 0
    quarantined: int = 0
    written: int = 0
    created: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    quarantine: str | None = None  # relative to the directory


@dataclass
class StagedDir:
    now: str  # ISO time of the staging: the transfers' and wallets' first/last seen
    inputs: list[StagedInput]
    nodes: list[str]
    relationships: list[str]
    multiline: list[str]
    version: int = VERSION


def write_manifest(folder: Path, staged: StagedDir) -> None:
    (folder / MANIFEST).write_text(json.dumps(asdict(staged), indent=1, ensure_ascii=False))


def read_staged(folder: Path) -> StagedDir:
    """The manifest of `folder`, its files checked; ValidationError says what is wrong."""
    path = folder / MANIFEST
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        staged = StagedDir(**{**data, "inputs": [StagedInput(**i) for i in data["inputs"]]})
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise ValidationError(f"{path}: not a staged directory's manifest ({exc})",
                              hint="stage it with `scamgraph spark stage ... --out DIR`") from None
    if staged.version != VERSION:
        raise ValidationError(f"{path}: manifest version {staged.version}, want {VERSION}")
    if not staged.inputs or not staged.nodes or not staged.relationships:
        raise ValidationError(f"{path}: lists no inputs, wallet or transfer files")
    for names, header in ((staged.nodes, WALLET_HEADER), (staged.relationships, TRANSFER_HEADER)):
        for name in names:
            _check_header(folder / name, header)
    for item in staged.inputs:
        if item.quarantine and not (folder / item.quarantine).is_file():
            raise ValidationError(f"{folder / item.quarantine}: quarantine file missing")
    return staged


def _check_header(path: Path, header: list[str]) -> None:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            first = next(csv.reader(fh), None)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ValidationError(f"{path}: cannot read the staged file ({exc})") from None
    if first != header:
        raise ValidationError(f"{path} line 1: header {first} is not the importer's {header}")


def import_files(folder: Path, staged: StagedDir) -> ImportFiles:
    return ImportFiles(nodes=[folder / n for n in staged.nodes],
                       relationships=[folder / n for n in staged.relationships],
                       multiline=[folder / n for n in staged.multiline])


class StagedQuarantine(Quarantine):
    """A run's quarantine that starts as the stager's report (copied), so the duplicates the
    import merges are appended to it and the breakdown counts both."""

    def __init__(self, path: Path, file_name: str, staged: Path | None,
                 item: StagedInput) -> None:
        super().__init__(path, file_name)
        if staged is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(staged, path)
            self._fh = path.open("a", encoding="utf-8", errors="backslashreplace")
            self.count = item.quarantined
            self.reasons.update(item.reasons)


class StagedLoad(Load):
    """One input of a staged directory, as a bulk load's `Load` with its staging done."""

    def __init__(self, settings: Settings, folder: Path, item: StagedInput) -> None:
        self.settings, self.options = settings, item.options
        self.given = Materialised(Path(item.source), item.source, None, item.sha256)
        self.summary = new_summary(item.format, self.given, {"source": item.source_id})
        self.summary.mode = "bulk"
        s = self.summary
        s.read, s.quarantined, s.written, s.created = (item.read, item.quarantined,
                                                       item.written, item.created)
        target = quarantine_for(settings, s)
        staged = folder / item.quarantine if item.quarantine else None
        self.quarantine = StagedQuarantine(target.path, item.source, staged, item)
