"""The named typologies: what each finds, its Cypher file and its parameters with limits.

Every typology's query (cypher/typologies/<query>.cypher) takes the shared parameters
(wallets, since, until, assets, max_anchors, max_hits, max_evidence) and its own ones below;
a caller's value is checked against the limits here before any Cypher runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scamgraph.errors import ValidationError


@dataclass(frozen=True)
class Param:
    name: str
    default: Any
    low: float | None = None
    high: float | None = None
    description: str = ""

    @property
    def kind(self) -> str:
        """'int', 'float' or 'list' (of strings), from the default."""
        return type(self.default).__name__

    def check(self, typology: str, value: Any) -> Any:
        """`value` as this parameter's type; ValidationError naming typology and parameter."""
        where = f"{typology} parameter {self.name}"
        if self.kind == "list":
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise ValidationError(f"{where}={value!r} is not a list of strings",
                                      hint=f"pass {self.name} as a list, e.g. {self.default}")
            return list(value)
        try:
            number = float(value) if self.kind == "float" else _int(value)
        except (TypeError, ValueError):
            kind = "an int" if self.kind == "int" else "a number"
            raise ValidationError(f"{where}={value!r} is not {kind}",
                                  hint=f"pass a {self.kind} like {self.default}") from None
        if (self.low is not None and number < self.low) or (
                self.high is not None and number > self.high):
            raise ValidationError(f"{where}={value} is out of range: it must be between "
                                  f"{self.low} and {self.high}",
                                  hint=f"pass {self.name} between {self.low} and {self.high}")
        return number


def _int(value: Any) -> int:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError(value)
    return int(value)


@dataclass(frozen=True)
class Typology:
    name: str
    query: str
    description: str
    score: str
    params: tuple[Param, ...]

    def resolve(self, given: dict[str, Any] | None) -> dict[str, Any]:
        """Defaults overridden by `given`, each checked; unknown names are refused."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given or {}) - known.keys())
        if unknown:
            raise ValidationError(f"typology {self.name} has no parameter {unknown[0]!r}",
                                  hint=f"its parameters are {sorted(known)}")
        return {p.name: p.check(self.name, (given or {}).get(p.name, p.default))
                for p in self.params}


def _p(name: str, default: Any, low: float | None, high: float | None, text: str) -> Param:
    return Param(name, default, low, high, text)


SHARE = (0.0, 1.0)
AMOUNT = (0.0, 1e15)
TYPOLOGIES: tuple[Typology, ...] = (
    Typology("fan-in", "fan_in",
             "Many wallets pay one wallet within a time window, above count and amount "
             "thresholds (consolidation).", "distinct senders in the best window", (
        _p("min_senders", 5, 2, 10_000, "distinct senders in the window"),
        _p("window_hours", 720, 1, 2208, "length of the window"),
        _p("min_amount", 0.0, *AMOUNT, "smallest transfer that counts"),
        _p("min_total", 10_000.0, *AMOUNT, "smallest total in the window"),
        _p("max_inflows", 500, 10, 5_000, "inflows per wallet examined (earliest first)"),
        _p("feeder_hours", 24, 0, 720, "senders must have got what they send this long "
           "before (0: any sender counts)"),
        _p("feeder_share", 0.9, *SHARE, "sent over what the feeder got, at least"))),
    Typology("spray-and-funnel", "spray_and_funnel",
             "One wallet sprays value over many wallets that each pass it on to one funnel.",
             "distinct intermediates", (
        _p("min_fanout", 5, 2, 10_000, "distinct intermediates"),
        _p("window_hours", 48, 1, 2208, "span of the sprayed transfers"),
        _p("forward_hours", 24, 1, 720, "time from a sprayed transfer to its forward"),
        _p("pass_share", 0.9, *SHARE, "share of a sprayed amount forwarded, at least"),
        _p("min_amount", 100.0, *AMOUNT, "smallest sprayed transfer"),
        _p("max_hop_transfers", 10, 2, 1_000, "transfers of an intermediate, at most"))),
    Typology("peel-chain", "peel_chain",
             "A chain of wallets each passing most of the value on and peeling a small part "
             "off to another wallet.", "hops of the longest chain from the start", (
        _p("min_hops", 4, 2, 12, "pass-on transfers in the chain, at least"),
        _p("max_hops", 12, 2, 12, "pass-on transfers followed, at most"),
        _p("max_gap_hours", 24, 1, 720, "time between hops (and from pass-on to peel)"),
        _p("pass_share", 0.7, *SHARE, "each pass-on over the previous one, at least"),
        _p("max_peel_share", 0.2, *SHARE, "peel over (peel + pass-on), at most"),
        _p("max_wallet_transfers", 10, 2, 1_000, "transfers of a chain wallet after the "
           "start, at most"))),
    Typology("rapid-pass-through", "rapid_pass_through",
             "Value comes into a wallet and (nearly) all of it leaves again within hours, "
             "repeatedly.", "matched in/out pairs", (
        _p("min_repeats", 3, 1, 10_000, "distinct passed-through inflows (and outflows)"),
        _p("max_delay_hours", 6, 1, 720, "time from inflow to outflow"),
        _p("pass_share", 0.9, *SHARE, "outflow over inflow, at least"),
        _p("min_amount", 100.0, *AMOUNT, "smallest inflow"))),
    Typology("cross-chain-hop", "cross_chain_hop",
             "Value into a bridge or swap service on one chain and out of it on another "
             "chain within minutes, matched by amount and time.", "1 - fee share", (
        _p("kinds", ["Bridge"], None, None, "organisation kinds that bridge"),
        _p("max_delay_minutes", 60, 1, 10_080, "time from the in to the out transfer"),
        _p("max_fee_share", 0.01, *SHARE, "(in - out) / in, at most"),
        _p("min_amount", 0.0, *AMOUNT, "smallest in transfer"))),
    Typology("offramp", "offramp",
             "Value ending at OTC desks, exchange deposit addresses or payment providers, "
             "ranked by amount.", "total received", (
        _p("kinds", ["Exchange", "OTCDesk", "PaymentProvider", "Marketplace"], None, None,
           "organisation kinds whose wallets are off-ramps"),
        _p("min_amount", 0.0, *AMOUNT, "smallest transfer that counts"),
        _p("min_total", 0.0, *AMOUNT, "smallest total received"))),
    Typology("pig-butchering-intake", "pig_butchering_intake",
             "One victim pays a collection wallet ever larger sums, each swept on to one "
             "consolidation wallet.", "payments * last / first", (
        _p("min_payments", 3, 2, 1_000, "payments by one sender"),
        _p("min_growth", 1.2, 1.0, 100.0, "each payment over the previous one, at least"),
        _p("window_days", 30, 1, 92, "span of the payments"),
        _p("sweep_hours", 24, 1, 720, "time from a payment to its sweep"),
        _p("sweep_share", 0.9, *SHARE, "sweep over payment, at least"),
        _p("max_consolidation", 1, 1, 100, "distinct wallets the sweeps go to, at most"),
        _p("min_amount", 10.0, *AMOUNT, "smallest payment"))),
)
BY_NAME = {t.name: t for t in TYPOLOGIES}


def typology(name: str) -> Typology:
    found = BY_NAME.get(name)
    if found is None:
        raise ValidationError(f"name {name!r} is not a typology",
                              hint=f"choose from {sorted(BY_NAME)}")
    return found
