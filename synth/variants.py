"""Organisations written by two or three sources, with the variants sources really differ by.

Each organisation is an FtM company (legal form, upper case, registration number with
punctuation, country, a website four times in five), an ActorPack actor (short name, lower-case
slug id, jurisdiction four times in five, uri) and half the time a second register's record
(another legal-form spelling, the registration number without punctuation, no website; a
quarter of them misspelt by a letter, a quarter in Cyrillic). A tenth have a look-alike in the
FtM file: the same name with another country and registration number, a different
organisation. The ground truth lists which graph ids are one organisation (`same_entity`) and
the look-alikes (`look_alikes`), so bench/resolve.py and tests/synth/test_resolution_truth.py
measure `resolve` against it.

The draws come from their own random stream (seeded "resolution-<seed>"), so the rest of the
scenario (addresses, flows, planted cases) is the same with or without these organisations.
They own no wallets: they exist to be resolved, not traced.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from synth.cast import ACTOR_PREFIX
from synth.ftm import NOTE, entity

REGISTER_FILE = "synthetic/ftm/synthetic-register.ftm.json"
WORDS = ("golden", "sun", "star", "dragon", "lucky", "royal", "ocean", "asia", "pacific", "jade",
         "phoenix", "tiger", "lotus", "crown", "silver", "harbor", "summit", "union", "global",
         "prime", "apex", "bright", "eastern", "mekong", "fortune", "wealth", "venture", "heng",
         "long", "xin", "tai", "fu", "an", "kim", "sok", "chan", "win", "trust", "capital")
# Legal-form spellings as registers and packs write them ("Company Limited" on purpose: rigour
# does not strip "company", which is also a plain word).
FORMS = ("Co., Ltd.", "Limited", "Ltd", "Company Limited", "Pte. Ltd.", "LLC", "Inc.", "Corp.")
COUNTRIES = ("KH", "MM", "LA", "PH", "TH", "VN", "MY", "HK")
CYRILLIC = dict(zip("abvgdezijklmnoprstufhc", "абвгдезийклмнопрстуфхц", strict=True))


@dataclass
class Variants:
    companies: list[dict[str, Any]] = field(default_factory=list)  # FtM file (+ look-alikes)
    register: list[dict[str, Any]] = field(default_factory=list)   # the second register
    actors: list[dict[str, Any]] = field(default_factory=list)     # ActorPack actors
    same_entity: list[list[str]] = field(default_factory=list)     # graph ids, one org each
    look_alikes: list[list[str]] = field(default_factory=list)     # [look-alike, org's FtM id]

    def truth(self) -> dict[str, Any]:
        return {"organisations": len(self.same_entity), "same_entity": self.same_entity,
                "look_alikes": self.look_alikes,
                "note": "same_entity: graph ids written from one organisation; look_alikes: "
                        "a different organisation with the same name (never the same entity)"}


def _word(rng: random.Random) -> str:
    """A common trade word half the time, else a made-up one (names are mostly distinct)."""
    if rng.random() < 0.5:
        return rng.choice(WORDS)
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def _name(rng: random.Random) -> str:
    return " ".join(_word(rng).capitalize() for _ in range(rng.choice((2, 2, 3))))


def typo(rng: random.Random, name: str) -> str:
    """One letter of one word changed (a register's misspelling)."""
    words = name.split()
    i = rng.randrange(len(words))
    w = words[i]
    j = rng.randrange(1, len(w)) if len(w) > 1 else 0
    words[i] = w[:j] + rng.choice("aeiouy") + w[j + 1:]
    return " ".join(words)


def cyrillic(name: str) -> str:
    """The name as a Russian-language register spells it (letter by letter)."""
    return "".join(CYRILLIC.get(c, CYRILLIC.get(c.lower(), c)) for c in name)


def _company(eid: str, name: str, country: str, reg: str, site: str | None) -> dict[str, Any]:
    props = {"name": [name], "country": [country.lower()], "registrationNumber": [reg],
             "website": [site] if site else [], "notes": [NOTE]}
    return entity(eid, "Company", **{k: v for k, v in props.items() if v})


def _actor(aid: str, label: str, country: str | None, uri: str) -> dict[str, Any]:
    return {"id": aid, "label": label, "uri": uri, "lastmod": "2024-06-01",
            "categories": [], "jurisdictions": [country] if country else []}


def build(n: int, seed: int) -> Variants:
    """n organisations in two or three sources each, with their ground truth."""
    rng = random.Random(f"resolution-{seed}")
    out, slugs = Variants(), set()
    for i in range(n):
        base, country, reg = _name(rng), rng.choice(COUNTRIES), f"{rng.randrange(10**7):07d}"
        slug = base.lower().replace(" ", "-")
        site = f"https://www.{slug.replace('-', '')}.com"
        # Actor ids are slugs, as in published packs; a second org of that name gets a suffix.
        aid = slug if slug not in slugs else f"{slug}-{i}"
        slugs.add(aid)
        ftm_id = f"synth-res-{i:05d}"
        ids = [ftm_id, ACTOR_PREFIX + aid]
        out.companies.append(_company(ftm_id, f"{base.upper()} {rng.choice(FORMS).upper()}",
                                      country, f"{reg[:3]}-{reg[3:]}",
                                      site if rng.random() < 0.8 else None))
        out.actors.append(_actor(aid, base, country if rng.random() < 0.8 else None,
                                 site.replace("https://www.", "http://")))
        if rng.random() < 0.5:
            ids.append(f"synth-reg-{i:05d}")
            spelt = rng.choice((base, base, typo(rng, base), cyrillic(base)))
            out.register.append(_company(ids[2], f"{spelt} {rng.choice(FORMS)}", country, reg,
                                         None))
        out.same_entity.append(sorted(ids))
        if rng.random() < 0.1:
            other = rng.choice([c for c in COUNTRIES if c != country])
            alike = f"synth-res-alike-{i:05d}"
            out.companies.append(_company(alike, f"{base} {rng.choice(FORMS)}", other,
                                          f"{rng.randrange(10**7):07d}", None))
            out.look_alikes.append([alike, ftm_id])
    return out
