"""`ftm-mapping`: a FollowTheMoney mapping file (YAML) that turns a CSV into entities.

Two ways to call it, as the `ftm` CLI has two:
- `mapping=<file.yml>` and the CSV as the source (like `ftm map-csv`): every query of the
  mapping runs over each row of the source;
- the mapping file itself as the source (like `ftm map`): each query reads its `csv_url`(s),
  resolved relative to the mapping file; only local files are read.
Entities go through the same conversion as `ftm`. Ids come from the mapping's keys prefixed
with the dataset name (unsigned, as `--no-sign`), so a re-run gives the same ids.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from followthemoney import model
from followthemoney.exc import FollowTheMoneyException, InvalidMapping
from followthemoney.mapping import QueryMapping
from followthemoney.mapping.csv import CSVSource
from followthemoney.util import sanitize_text

from ingest.formats.base import Item, SourceInput, csv_records, rejected
from ingest.formats.ftm.convert import Wallets, convert
from ingest.formats.yaml_stream import check_document
from ingest.records import Rejected
from scamgraph.errors import InputError

Query = tuple[QueryMapping, CSVSource]


def read(src: SourceInput) -> Iterator[Item]:
    option = src.option("mapping")
    mapping_file = Path(option) if option else src.path
    plan = _plan(mapping_file, src.path if option else None)
    wallets: Wallets = {}
    for csv_path, queries in plan:
        yield from _map_csv(csv_path, queries, wallets)


def _plan(mapping_file: Path, csv_path: Path | None) -> list[tuple[Path, list[Query]]]:
    """(CSV file, queries to run over it) pairs, from the mapping file."""
    config = _load(mapping_file)
    plan: dict[Path, list[Query]] = {}
    for dataset, meta in config.items():
        for data in _queries_of(meta, mapping_file):
            urls = [csv_path] if csv_path else _local_csvs(data, mapping_file)
            query = _make(dict(data, csv_url=str(urls[0])), str(dataset), mapping_file)
            for url in urls:
                plan.setdefault(url, []).append(query)
    if not plan:
        raise InputError(f"{mapping_file}: the mapping defines no queries")
    return list(plan.items())


def _load(mapping_file: Path) -> dict[str, Any]:
    if not mapping_file.is_file():
        raise InputError(f"{mapping_file}: cannot read the mapping file: not a file")
    check_document(mapping_file, str(mapping_file))
    try:
        config = yaml.safe_load(mapping_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
        raise InputError(f"{mapping_file}: cannot read the mapping file: {exc}") from None
    if not isinstance(config, dict):
        raise InputError(f"{mapping_file}: a mapping file is a YAML object of datasets")
    return config


def _queries_of(meta: Any, mapping_file: Path) -> list[dict[str, Any]]:
    if not isinstance(meta, dict):
        raise InputError(f"{mapping_file}: each dataset needs `query:` or `queries:`")
    found = meta.get("queries", meta.get("query", []))
    return [q for q in (found if isinstance(found, list) else [found]) if isinstance(q, dict)]


def _local_csvs(data: dict[str, Any], mapping_file: Path) -> list[Path]:
    """The query's CSV files, which must sit in the mapping file's folder (or below it): a
    mapping fetched from a URL must not make the ingest read any other local file."""
    urls = data.get("csv_urls") or [data.get("csv_url")]
    folder = mapping_file.parent.resolve()
    paths = []
    for url in urls if isinstance(urls, list) else [urls]:
        path = (folder / str(url or "")).resolve()
        if not url or "://" in str(url) or not path.is_relative_to(folder):
            raise InputError(f"{mapping_file}: csv_url {url!r} is not a file next to the mapping",
                             hint="download it first or pass the CSV as the source with mapping=")
        paths.append(path)
    return paths


def _make(data: dict[str, Any], dataset: str, mapping_file: Path) -> Query:
    data.pop("csv_urls", None)
    try:
        query = model.make_mapping(data, key_prefix=dataset, dataset=dataset)
    except (InvalidMapping, FollowTheMoneyException, AttributeError, TypeError, ValueError,
            KeyError) as exc:
        # followthemoney assumes a well-typed mapping (e.g. `keys:` a list, `properties:` a
        # mapping) and fails with whatever the wrong type raises.
        raise InputError(f"{mapping_file}: invalid FollowTheMoney mapping: {exc}") from None
    if not isinstance(query.source, CSVSource):
        raise InputError(f"{mapping_file}: only CSV mappings are supported")
    return query, query.source


def _map_csv(path: Path, queries: list[Query], wallets: Wallets) -> Iterator[Item]:
    for row in _records(path):
        if isinstance(row, Rejected):
            yield row
            continue
        position, record = row
        for query, source in queries:
            if not source.check_filters(record):
                continue
            try:
                entities = query.map(record)
            except FollowTheMoneyException as exc:
                yield rejected(position, record, f"mapping failed: {exc}")
                continue
            for entity in entities.values():
                yield from convert(entity, position, wallets)


def _records(path: Path) -> Iterator[tuple[str, dict[str, str]] | Rejected]:
    """Rows as the FtM CSV source reads them (values sanitised), with their line numbers."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot open CSV {path}: {exc.strerror}") from None
    with raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.DictReader(text, skipinitialspace=True)
        for row in csv_records(reader, path.name):
            if isinstance(row, Rejected):
                yield row
                continue
            position = f"{path.name} line {reader.line_num}"
            values = [v for v in row.values() if isinstance(v, str)]
            if any("\udc80" <= ch <= "\udcff" for v in values for ch in v):
                yield rejected(position, str(row).encode("utf-8", "replace").decode(), "not UTF-8")
                continue
            clean = {k: sanitize_text(v) for k, v in row.items() if isinstance(k, str)}
            yield position, {k: v for k, v in clean.items() if v is not None}
