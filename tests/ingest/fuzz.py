"""A seeded mutator over the real fixtures, and a dry-run of each format over its mutants.

Deterministic (one `random.Random(seed)` per format), so a failure names a seed that
reproduces it. Mutants are byte-level (flips, truncations, duplications) and hostile
injections (deep nesting, huge strings and integers, YAML anchor bombs, surrogates, type
confusion). A dry run reads the file the way the runner's validation pass does (reader ->
`accepted` -> quarantine) without a graph. Longer run, with per-format counts:
`SCAMGRAPH_FUZZ_MUTANTS=200 .venv/bin/python -m tests.ingest.fuzz`.
"""

from __future__ import annotations

import importlib
import random
import re
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from ingest.formats import FORMAT_MODULES
from ingest.formats.base import Reader, SourceInput
from ingest.quarantine import Quarantine
from ingest.runner import Tally, accepted
from scamgraph.errors import InputError
from tests.conftest import FIXTURES

HANG_SECONDS = 10.0
# format -> fixture files to mutate, each with its reader options ("{dir}": the mutant's folder)
TARGETS: dict[str, tuple[tuple[str, dict[str, str]], ...]] = {
    "ofac-sdn-csv": (("ofac-sdn-csv/sdn.csv", {}),),
    "ofac-sdn-xml": (("ofac-sdn-xml/sdn_advanced_sample.xml", {}),),
    "ofac-list": (("ofac-addresses/sanctioned_addresses_XBT.txt", {}),
                  ("ofac-addresses/sanctioned_addresses_ETH.json", {})),
    "ftm": (("ftm/entities.flat.jsonl", {}), ("ftm/entities.nested.jsonl", {})),
    "ftm-mapping": (("ftm-mapping/case_mapping.yml", {}),
                    ("ftm-mapping/case_companies.csv", {"mapping": "{dir}/case_mapping.yml"})),
    "tagpack": (("graphsense/packs/demo.yaml", {}), ("graphsense/packs/hydra.yaml", {})),
    "actorpack": (("graphsense/actors/graphsense.actorpack.slice.yaml", {}),),
    "ethereum-etl": (("ethereum-etl/mainnet_17173049_first40.token_transfers.jsonl", {}),
                     ("ethereum-etl/block_483920.token_transfers.csv", {})),
    "bitcoin-etl": (("bitcoin-etl/stream_50001_50002.transactions.jsonl", {}),),
    "trongrid": (("trongrid/usdt_pages.jsonl", {}), ("trongrid/usdt_page.json", {})),
    "compounds": (("compounds/compounds.geojson", {}),),
    "labels": (("labels/etherscan-style.csv", {}), ("labels/labels.json", {})),
    "typology-hits": (("typology-hits/hits.jsonl", {}),),
}
HOSTILE: tuple[bytes, ...] = (
    b"9" * 5001, b"-" + b"9" * 120, b"1e999999", b"NaN", b"[]", b"{}", b"null", b"true",
    b"[" * 50_000, b"{\"a\":" * 20_000, b"- " * 20_000, b"A" * 2_000_000,
    b"\xed\xa0\x80", b"\\ud800", b"\\udfff\\ud800", b"\xff\xfe", b"\x00", b"'\"",
    b"a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    b"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n",
    b"!!python/object/apply:os.system ['true']", b"<!DOCTYPE x [<!ENTITY e 'x'>]>",
    b"\n" + b"x," * 3_000_000 + b"\n", b"\"" + b"y" * 10_000_000 + b"\"\n",
)

_MARK = re.compile(rb"[:,>]")


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """One mutant of `data`: one to three edits of the kinds listed in the module doc."""
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        at = rng.randrange(len(data) + 1)
        kind = rng.randrange(7)
        if kind == 0 and data:
            flips = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                flips[rng.randrange(len(flips))] ^= 1 << rng.randrange(8)
            data = bytes(flips)
        elif kind == 1:
            data = data[:at]
        elif kind == 2:
            end = min(len(data), at + rng.randint(1, 400))
            data = data[:end] + data[at:end] * rng.randint(1, 4) + data[end:]
        elif kind == 3:
            data = data[:at] + rng.choice(HOSTILE) + data[at:]
        else:
            data = _replace_value(data, rng)
    return data


def _replace_value(data: bytes, rng: random.Random) -> bytes:
    """Type confusion: a value (after `:`, `,` or an XML tag) replaced by a hostile one."""
    found = _MARK.search(data, rng.randrange(len(data) + 1)) or _MARK.search(data)
    if found is None:
        return data
    at = found.end()
    end = at + rng.randint(0, 60)
    return data[:at] + b" " + rng.choice(HOSTILE[:18]) + data[end:]


@dataclass
class Tallies:
    runs: int = 0
    clean: int = 0
    clear_error: int = 0
    traceback: int = 0
    hang: int = 0
    failures: list[str] = field(default_factory=list)


def raw_reader(fmt: str) -> Reader:
    """The format's own reader, without the registry's safety net, so a crash shows."""
    module, _, attr = FORMAT_MODULES[fmt].partition(":")
    reader: Reader = getattr(importlib.import_module(module), attr or "read")
    return reader


def dry_run(reader: Reader, src: SourceInput, quarantine_path: Path) -> None:
    """What the runner's validation pass does: read everything, quarantine the rejects."""
    quarantine = Quarantine(quarantine_path, src.name)
    try:
        for _ in accepted(reader(src), quarantine, Tally(), "validate", None):
            pass
    finally:
        quarantine.close()


def fuzz_format(fmt: str, mutants: int, seed: int, workdir: Path) -> Tallies:
    rng, tallies, reader = random.Random(f"{fmt}:{seed}"), Tallies(), raw_reader(fmt)
    for chosen, template in TARGETS[fmt]:
        # Unmutated first: warms followthemoney's lazily loaded tables, so their first-use
        # seconds are not timed as a mutant's hang.
        options = {k: v.format(dir=(FIXTURES / chosen).parent) for k, v in template.items()}
        path = FIXTURES / chosen
        dry_run(reader, SourceInput(path=path, name=path.name, options=options),
                workdir / "warm.jsonl")
    for number in range(mutants):
        chosen, template = rng.choice(TARGETS[fmt])
        original = FIXTURES / chosen
        folder = workdir / f"{fmt}-{number}"
        folder.mkdir()
        for sibling in original.parent.iterdir():  # the mapping's CSV lives next to it
            (folder / sibling.name).write_bytes(sibling.read_bytes())
        path = folder / original.name
        path.write_bytes(_mutate(original.read_bytes(), rng))
        options = {k: v.format(dir=folder) for k, v in template.items()}
        src = SourceInput(path=path, name=path.name, options=options)
        _one(fmt, number, seed, reader, src, folder / "q.jsonl", tallies)
    return tallies


def _one(fmt: str, number: int, seed: int, reader: Reader, src: SourceInput, quarantine: Path,
         tallies: Tallies) -> None:
    tallies.runs += 1
    started = time.monotonic()
    try:
        dry_run(reader, src, quarantine)
        tallies.clean += 1
    except InputError:
        tallies.clear_error += 1
    except Exception:
        tallies.traceback += 1
        last = traceback.format_exc().strip().splitlines()[-1][:300]
        tallies.failures.append(f"{fmt} seed {seed} mutant {number}: {last}")
    elapsed = time.monotonic() - started
    if elapsed > HANG_SECONDS:
        tallies.hang += 1
        tallies.failures.append(f"{fmt} seed {seed} mutant {number}: took {elapsed:.1f} s")


def main() -> int:
    import logging
    import os

    logging.disable(logging.WARNING)  # followthemoney logs every unclean value it discards
    mutants = int(os.environ.get("SCAMGRAPH_FUZZ_MUTANTS", "200"))
    seed = int(os.environ.get("SCAMGRAPH_FUZZ_SEED", "1"))
    formats = sys.argv[1:] or list(TARGETS)
    print(f"{'format':14} runs clean error traceback hang   seconds")
    bad = 0
    for fmt in formats:
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="scamgraph-fuzz-") as tmp:
            t = fuzz_format(fmt, mutants, seed, Path(tmp))
        print(f"{fmt:14} {t.runs:4} {t.clean:5} {t.clear_error:5} {t.traceback:9} {t.hang:4}"
              f" {time.monotonic() - started:9.1f}", flush=True)
        for failure in t.failures:
            print("   ", failure)
        bad += t.traceback + t.hang
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
