"""Resolution quality and speed on synthetic variants: precision/recall of `resolve auto` and
of the candidates, and the time candidate generation takes.

    .venv/bin/python bench/resolve.py [--orgs 1000] [--seed 7] [--min-score 0.5]

N organisations, each written by 2 or 3 sources the way they differ in practice: an FtM
company (legal form, upper case, registration number with punctuation, country, website), an
ActorPack actor (short name, lower-case slug, jurisdiction, uri) and sometimes a second
register (another legal-form spelling, registration number without punctuation, no website;
a quarter of them misspelt by a letter, a quarter in Cyrillic). A fifth of the actors have no
jurisdiction.
A tenth of the organisations have a look-alike (the same name, another country and number).
The truth is the set of pairs written from one organisation. Records go through
graph.resolve.candidates.record (the rows `resolve/entities.cypher` returns), so scoring,
blocking and the auto rules are the code the CLI runs; the database read is not timed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.resolve import auto_rule, candidates
from graph.resolve.candidates import Record, record

WORDS = ("golden", "sun", "star", "dragon", "lucky", "royal", "ocean", "asia", "pacific", "jade",
         "phoenix", "tiger", "lotus", "crown", "silver", "harbor", "summit", "union", "global",
         "prime", "apex", "bright", "eastern", "mekong", "fortune", "wealth", "venture", "heng",
         "long", "xin", "tai", "fu", "an", "kim", "sok", "chan", "win", "trust", "capital")
# Legal-form spellings as registers and packs write them ("Company Limited" on purpose: rigour
# does not strip "company", which is also a plain word).
FORMS = ("Co., Ltd.", "Limited", "Ltd", "Company Limited", "Pte. Ltd.", "LLC", "Inc.", "Corp.")
COUNTRIES = ("KH", "MM", "LA", "PH", "TH", "VN", "MY", "HK")


def _word(rng: random.Random) -> str:
    """A common trade word half the time, else a made-up one (names are mostly distinct)."""
    if rng.random() < 0.5:
        return rng.choice(WORDS)
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def _name(rng: random.Random) -> str:
    return " ".join(_word(rng).capitalize() for _ in range(rng.choice((2, 2, 3))))


def _typo(rng: random.Random, name: str) -> str:
    """One letter of one word changed (a register's misspelling)."""
    words = name.split()
    i = rng.randrange(len(words))
    w = words[i]
    j = rng.randrange(1, len(w)) if len(w) > 1 else 0
    words[i] = w[:j] + rng.choice("aeiouy") + w[j + 1:]
    return " ".join(words)


CYRILLIC = dict(zip("abvgdezijklmnoprstufhc", "абвгдезийклмнопрстуфхц", strict=True))


def _cyrillic(name: str) -> str:
    """The name as a Russian-language register spells it (letter by letter)."""
    return "".join(CYRILLIC.get(c, CYRILLIC.get(c.lower(), c)) for c in name)


def _row(id: str, **props: Any) -> dict[str, Any]:
    return {"id": id, "kind": "Organization", "props": props, "cluster": None}


def variants(n: int, seed: int) -> tuple[list[Record], set[frozenset[str]]]:
    rng = random.Random(seed)
    rows, truth = [], set()
    for i in range(n):
        base, country, reg = _name(rng), rng.choice(COUNTRIES), f"{rng.randrange(10**7):07d}"
        slug = base.lower().replace(" ", "-")
        site = f"https://www.{slug.replace('-', '')}.com"
        ids = [f"ftm-{i}", f"gs-actor-{slug}-{i}"]
        rows.append(_row(ids[0], name=f"{base.upper()} {rng.choice(FORMS).upper()}",
                         country=[country], registration_numbers=[f"{reg[:3]}-{reg[3:]}"],
                         website=site))
        rows.append(_row(ids[1], name=base, gs_actor=slug,
                         country=[country] if rng.random() < 0.8 else [],
                         website=site.replace("https://www.", "http://")))
        if rng.random() < 0.5:
            ids.append(f"reg-{i}")
            spelt = rng.choice((base, base, _typo(rng, base), _cyrillic(base)))
            rows.append(_row(ids[2], name=f"{spelt} {rng.choice(FORMS)}", country=[country],
                             registration_numbers=[reg]))
        truth |= {frozenset(p) for p in ((a, b) for a in ids for b in ids if a < b)}
        if rng.random() < 0.1:
            other = rng.choice([c for c in COUNTRIES if c != country])
            rows.append(_row(f"alike-{i}", name=f"{base} {rng.choice(FORMS)}", country=[other],
                             registration_numbers=[f"{rng.randrange(10**7):07d}"]))
    return [record(r) for r in rows], truth


def _pr(found: set[frozenset[str]], truth: set[frozenset[str]]) -> tuple[float, float]:
    hit = len(found & truth)
    return (hit / len(found) if found else 1.0), hit / len(truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-score", type=float, default=0.5)
    args = parser.parse_args()
    records, truth = variants(args.orgs, args.seed)
    began = time.perf_counter()
    found = candidates(records, min_score=0.0)
    took = time.perf_counter() - began
    scored = {frozenset((c.a, c.b)) for c in found if c.score >= args.min_score}
    merged = {frozenset((c.a, c.b)) for c in found if auto_rule(c)}
    best: dict[str, tuple[float, frozenset[str]]] = {}
    for c in found:
        for x in (c.a, c.b):
            if x not in best or c.score > best[x][0]:
                best[x] = (c.score, frozenset((c.a, c.b)))
    top = {pair for _, pair in best.values()}
    print(f"{args.orgs} organisations, {len(records)} records, {len(truth)} true pairs; "
          f"{len(found)} pairs scored in {took:.2f} s")
    for label, pairs in ((f"candidates >= {args.min_score}", scored), ("top-1 per record", top),
                         ("auto (rules)", merged)):
        precision, recall = _pr(pairs, truth)
        print(f"{label:<22} {len(pairs):>6} pairs  precision {precision:.3f}  recall {recall:.3f}")


if __name__ == "__main__":
    main()
