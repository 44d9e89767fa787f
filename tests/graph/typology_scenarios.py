"""Hand-made graphs for the typology tests: per typology one hit and near-misses, each just
past one threshold (at default parameters) or in the wrong time order. All in March 2024."""

from __future__ import annotations

from tests.graph.scenario import Scenario, day


def send(s: Scenario, tx: str, a: str, b: str, amount: float, when: str, *,
         chain: str = "tron", index: int = 0, asset: str = "USDT") -> None:
    """A transfer on any chain, with an index (Bitcoin outputs of one transaction)."""
    s.transfers.append({"from": a, "to": b, "props": {
        "id": f"{chain}:{tx}:{index}", "chain": chain, "tx": tx, "index": index,
        "asset": asset, "amount": float(amount), "amount_raw": str(round(amount * 10**6)),
        "decimals": 6, "ts": day(when)}})


def fan_in() -> Scenario:
    """C gets 2000 from each of S0..S5 on 03-01..03-06 (6 senders, 12000): the hit. Every
    sender is a feeder: it got 2000 from its own F<x> an hour before it paid.
    N1: 4 senders x 5000 (one sender short). N2: 5 x 1999 = 9995 (under 10000).
    N3: 5 x 3000 on 03-01, 03-12, 03-23 and 04-03, 04-14 (at most 3 in any 30 days).
    N4: 6 x 2000 from senders that got nothing before (organic payments, no feeders).
    E: an exchange's deposit address, 6 x 2000 (exchanges are not consolidators here)."""
    s = Scenario()
    s.org("ex", "Exchange", "Exchange")
    c, n1, n2, n3, n4, e = (s.wallet(x) for x in ["C", "N1", "N2", "N3", "N4", "E"])
    s.link("DEPOSIT_ADDRESS_OF", e, "ex")

    def fed(tx: str, sender: str, to: str, amount: float, when: str) -> None:
        send(s, f"{tx}f", s.wallet(f"F{tx}"), sender, amount, f"{when}T00:00")
        send(s, tx, sender, to, amount, f"{when}T01:00")

    for i in range(6):
        fed(f"c{i}", s.wallet(f"S{i}"), c, 2000, f"2024-03-0{i + 1}")
        fed(f"e{i}", f"tron:S{i}", e, 2000, f"2024-03-0{i + 1}")
        send(s, f"n4{i}", s.wallet(f"O{i}"), n4, 2000, f"2024-03-0{i + 1}")
    for i in range(4):
        fed(f"n1{i}", s.wallet(f"A{i}"), n1, 5000, f"2024-03-0{i + 1}")
    for i in range(5):
        fed(f"n2{i}", s.wallet(f"B{i}"), n2, 1999, f"2024-03-0{i + 1}")
    for i, when in enumerate(["2024-03-01", "2024-03-12", "2024-03-23", "2024-04-03",
                              "2024-04-14"]):
        fed(f"n3{i}", s.wallet(f"D{i}"), n3, 3000, when)
    return s


def spray() -> Scenario:
    """S sprays 1000 to H0..H5 (hourly from 03-01 00:00), each forwards 950 to F 2 h later: the
    hit (6 intermediates). S2 -> G0..G4, but G4 forwards 899 to F2 (0.899 < 0.9): 4, short.
    S3 -> K0..K4 at 10:00, each K forwarded 950 to F3 at 09:00 (before: wrong order).
    Fee funder Z sent H0..H5 2 each on 02-29 (what they forward is far more: no spray)."""
    s = Scenario()
    src, f, s2, f2, s3, f3, z = (s.wallet(x) for x in ["S", "F", "S2", "F2", "S3", "F3", "Z"])
    for i in range(6):
        h = s.wallet(f"H{i}")
        send(s, f"z{i}", z, h, 2, "2024-02-29")
        send(s, f"o{i}", src, h, 1000, f"2024-03-01T0{i}:00")
        send(s, f"i{i}", h, f, 950, f"2024-03-01T0{i + 2}:00")
    for i in range(5):
        g, k = s.wallet(f"G{i}"), s.wallet(f"K{i}")
        send(s, f"go{i}", s2, g, 1000, f"2024-03-02T0{i}:00")
        send(s, f"gi{i}", g, f2, 899 if i == 4 else 950, f"2024-03-02T0{i + 2}:00")
        send(s, f"ko{i}", s3, k, 1000, "2024-03-03T10:00")
        send(s, f"ki{i}", k, f3, 950, "2024-03-03T09:00")
    return s


def peel() -> Scenario:
    """Bitcoin P0 -> P1 -> ... -> P6: each transaction pays 5 % to a deposit address D<i> and
    the rest on, 3 h apart (6 pass-ons): the hit, reported once (its tails are no hits).
    Q0 -> .. -> Q4: Q2 peels 25 % (> 20 %), so no run of 4 hops. R0 -> .. -> R5: R2 -> R3 is
    sent before R1 -> R2 arrives (wrong order): runs of 2 and 3 hops only."""
    s = Scenario()
    for name, n, peel_at, late in (("P", 7, {}, None), ("Q", 5, {2: 0.25}, None),
                                   ("R", 6, {}, 2)):
        ws = [s.wallet(f"{name}{i}", chain="bitcoin") for i in range(n)]
        value = 1.0
        for i in range(n - 1):
            cut = round(value * peel_at.get(i, 0.05), 6)
            hour = 3 * i if late != i else 0
            when = f"2024-03-05T{hour:02d}:00"
            dest = s.wallet(f"{name}D{i}", chain="bitcoin")
            send(s, f"{name}tx{i}", ws[i], dest, cut, when, chain="bitcoin", asset="BTC")
            send(s, f"{name}tx{i}", ws[i], ws[i + 1], value - cut, when, chain="bitcoin",
                 index=1, asset="BTC")
            value -= cut
    return s


def pass_through() -> Scenario:
    """W gets 1000 on 03-01, 03-02, 03-03 at 00:00 and sends 950 on at 02:00: the hit (3).
    X: the third goes on after 7 h (> 6 h). Y: the third passes 890 (0.89 < 0.9).
    U: the third went out at 23:00 the day before (wrong order)."""
    s = Scenario()
    for name, late, share, early in (("W", 2, 0.95, False), ("X", 7, 0.95, False),
                                     ("Y", 2, 0.89, False), ("U", 2, 0.95, True)):
        w = s.wallet(name)
        for d in (1, 2, 3):
            send(s, f"{name}in{d}", s.wallet(f"{name}a{d}"), w, 1000, f"2024-03-0{d}T00:00")
            last = d == 3
            when = (f"2024-03-0{d - 1}T23:00" if last and early else
                    f"2024-03-0{d}T0{late if last else 2}:00")
            send(s, f"{name}out{d}", w, s.wallet(f"{name}b{d}"),
                 1000 * (share if last else 0.95), when)
    return s


def bridge() -> Scenario:
    """Bridge org controls BI (Tron), BO (Ethereum) and BT (Tron). S -> BI 1000 at 10:00 and
    BO -> R 999 at 10:06: the hit (score 0.999). S2 -> BI 500 at 12:00, BO -> R2 494 at 12:10
    (fee 1.2 % > 1 %). S3 -> BI 700 at 14:00, BO -> R3 700 at 13:50 (before). S4 -> BI 800 at
    16:00, BT -> R4 800 at 16:05 (same chain). S5 -> BI 300 at 18:00, BO -> R5 300 at 19:01
    (61 min > 60)."""
    s = Scenario()
    s.org("br", "Hop Bridge", "Bridge")
    bi, bt = s.wallet("BI"), s.wallet("BT")
    bo = s.wallet("BO", chain="ethereum")
    for w in (bi, bo, bt):
        s.link("CONTROLLED_BY", w, "br")
    for n, amount, out, t_in, t_out, side in (
            ("", 1000, 999, "10:00", "10:06", bo), ("2", 500, 494, "12:00", "12:10", bo),
            ("3", 700, 700, "14:00", "13:50", bo), ("4", 800, 800, "16:00", "16:05", bt),
            ("5", 300, 300, "18:00", "19:01", bo)):
        chain = "tron" if side == bt else "ethereum"
        send(s, f"in{n}", s.wallet(f"S{n}"), bi, amount, f"2024-03-07T{t_in}")
        send(s, f"out{n}", side, s.wallet(f"R{n}", chain=chain), out, f"2024-03-07T{t_out}",
             chain=chain)
    return s


def offramp() -> Scenario:
    """The exchange's hot wallet H gets 9000 from A, OTC desk wallet O 5000 from A and 3000 from B
    (8000), exchange deposit address E 2000 from A: the hits, in that order. Not off-ramps: a
    plain company's wallet K (4000); O2, the desk's other wallet, -> O 100 is internal."""
    s = Scenario()
    s.org("otc", "Desk", "OTCDesk")
    s.org("ex", "Exchange", "Exchange")
    s.org("co", "Plain Co", "Company")
    a, b, o, o2, e, h, k = (s.wallet(x) for x in ["A", "B", "O", "O2", "E", "H", "K"])
    for w, org, rel in ((o, "otc", "CONTROLLED_BY"), (o2, "otc", "CONTROLLED_BY"),
                        (e, "ex", "DEPOSIT_ADDRESS_OF"), (h, "ex", "CONTROLLED_BY"),
                        (k, "co", "CONTROLLED_BY")):
        s.link(rel, w, org)
    s.send_all([("x1", a, o, 5000, "2024-03-10"), ("x2", b, o, 3000, "2024-03-11"),
                ("x3", a, e, 2000, "2024-03-12"), ("x4", a, h, 9000, "2024-03-12"),
                ("x5", a, k, 4000, "2024-03-13"), ("x6", o2, o, 100, "2024-03-14")])
    return s


def pig() -> Scenario:
    """V pays D 200, 500, 1200, 3000 (03-01, 03-03, ...), each swept whole to C 2 h later: the
    hit (score 4 * 3000 / 200 = 60). V2 -> D2 200, 230 (x1.15 < 1.2), 600. V3 -> D3 escalating
    but the last sweep goes to C3b (two consolidation wallets). V4 -> D4 only 2 payments.
    V5 -> D5 escalating, the last sweep 2 h before its payment (wrong order)."""
    s = Scenario()
    for name, amounts in (("", [200, 500, 1200, 3000]), ("2", [200, 230, 600]),
                          ("3", [200, 500, 1200]), ("4", [200, 500]), ("5", [200, 500, 1200])):
        v, d, c = s.wallet(f"V{name}"), s.wallet(f"D{name}"), s.wallet(f"C{name}")
        other = s.wallet(f"C{name}b")
        for i, amount in enumerate(amounts):
            last = i == len(amounts) - 1
            send(s, f"p{name}{i}", v, d, amount, f"2024-03-{2 * i + 1:02d}T04:00")
            when = f"2024-03-{2 * i + 1:02d}T{'02' if last and name == '5' else '06'}:00"
            send(s, f"s{name}{i}", d, other if last and name == "3" else c, amount, when)
    return s
