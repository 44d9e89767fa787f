"""The streaming YAML reader behind `tagpack` and `actorpack`: same values as safe_load, flat
memory, and only safe types."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
import yaml

from ingest.formats.yaml_stream import read_header, stream_list
from scamgraph.errors import InputError
from tests.ingest.helpers import fixture


def _write(path: Path, items: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("title: t\ntags:\n")
        for i in range(items):
            fh.write(f"- address: 'a{i:07d}'\n  lastmod: 2023-02-0{1 + i % 9}\n  n: {i}\n")
        fh.write("creator: after the list\n")
    return path


def _peak(path: Path) -> int:
    tracemalloc.start()
    for _ in stream_list(path, "tags", path.name):
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_same_values_as_safe_load(tmp_path: Path) -> None:
    for path in [fixture("graphsense/packs/exchange-wallets-huobi.yaml"), _write(
            tmp_path / "p.yaml", 50)]:
        whole = yaml.safe_load(path.read_text(encoding="utf-8"))
        header = read_header(path, "tags", path.name)
        assert header == {k: v for k, v in whole.items() if k != "tags"}
        assert [item for _, item in stream_list(path, "tags", path.name)] == whole["tags"]


def test_memory_does_not_grow_with_the_list(tmp_path: Path) -> None:
    small = _peak(_write(tmp_path / "small.yaml", 2_000))
    large = _peak(_write(tmp_path / "large.yaml", 20_000))
    assert large < small * 2, (small, large)


def test_line_numbers_and_unsafe_tags(tmp_path: Path) -> None:
    path = _write(tmp_path / "p.yaml", 3)
    assert [line for line, _ in stream_list(path, "tags", "p")] == [3, 6, 9]
    unsafe = tmp_path / "unsafe.yaml"
    unsafe.write_text("title: t\ntags:\n- !!python/object/apply:os.system ['true']\n",
                      encoding="utf-8")
    with pytest.raises(InputError):
        list(stream_list(unsafe, "tags", "unsafe"))
