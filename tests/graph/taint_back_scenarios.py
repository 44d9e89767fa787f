"""Hand-made graphs for BACKWARD value traces (sources of funds); docstrings work the answers.

Seed (target) wallet T everywhere; USDT and TRX have 6 decimals (1 unit = 1 000 000 base).
"""

from __future__ import annotations

from tests.graph.scenario import Scenario


def mix_pay() -> Scenario:
    """A (of A Co) -3 (01-01)-> M; B -7 (01-02)-> M; M -5 (01-03)-> T; M -5 (01-04)-> X.

    M holds A 3 + B 7 when it pays T 5. HAIRCUT: A 1.5, B 3.5. FIFO: A's 3 then 2 of B's.
    LIFO: 5 of B's newest 7, A 0. POISON: A 3 and B 7 in full (10 > 5: not conserved).
    M's later payment to X cannot have funded T and is not in the ledger.
    """
    s = Scenario()
    a, b, m, t, x = (s.wallet(n) for n in ["A", "B", "M", "T", "X"])
    s.org("aco", "A Co", "Company")
    s.link("CONTROLLED_BY", a, "aco")
    s.send_all([("k1", a, m, 3, "2024-01-01"), ("k2", b, m, 7, "2024-01-02"),
                ("k3", m, t, 5, "2024-01-03"), ("k4", m, x, 5, "2024-01-04")])
    return s


def paid_first() -> Scenario:
    """M -5 (01-01)-> T; A -5 (01-05)-> M: A's money came after M paid, so it funds nothing;
    M had no earlier funding: the walk ends at M (an origin, 5 attributed to M).

    And N: C -2 (01-01)-> N; N -5 (01-02)-> T; D -5 (01-03)-> N: N paid 3 more than it was
    known to hold after C's 2 (its balance from before the window): C 2, unexplained 3.
    """
    s = Scenario()
    m, t, a, n, c, d = (s.wallet(w) for w in ["M", "T", "A", "N", "C", "D"])
    s.send_all([("f1", m, t, 5, "2024-01-01"), ("f2", a, m, 5, "2024-01-05"),
                ("g1", c, n, 2, "2024-01-01"), ("g2", n, t, 5, "2024-01-02"),
                ("g3", d, n, 5, "2024-01-03")])
    return s


def paid_between() -> Scenario:
    """C -6 (01-01)-> M; M -2 (01-02)-> X; A -3 (01-03)-> M; M -6 (01-04)-> T.

    X was paid before A's 3 arrived, from C's money only; then M holds C 4 + A 3. HAIRCUT:
    T's 6 split 4:3, C 24/7 = 3.428571 4/7 and A 18/7 = 2.571428 4/7 in base units, the last
    unit to the larger fraction (A's): C 3 428 571, A 2 571 429. FIFO: X got C's first 2, T
    C's other 4 and 2 of A's: C 4, A 2. LIFO: T took A's 3, then C's newest 3: C 3, A 3.
    """
    s = Scenario()
    c, m, x, a, t = (s.wallet(n) for n in ["C", "M", "X", "A", "T"])
    s.send_all([("h1", c, m, 6, "2024-01-01"), ("h2", m, x, 2, "2024-01-02"),
                ("h3", a, m, 3, "2024-01-03"), ("h4", m, t, 6, "2024-01-04")])
    return s


def two_layers() -> Scenario:
    """A -3 (01-01)-> M; B -7 (01-02)-> M; M -10 (01-03)-> N; N -4 (01-04)-> T.

    HAIRCUT: A 1.2, B 2.8. FIFO: M's 10 spent A's 3 then B's 7, N's 4 are its first units:
    A 3, B 1. LIFO: M's 10 spent B's 7 then A's 3, N's 4 are its last units: A 3, B 1 too
    (the forward pools give the same: N's newest lot is A's 3).
    """
    s = Scenario()
    a, b, m, n, t = (s.wallet(w) for w in ["A", "B", "M", "N", "T"])
    s.send_all([("v1", a, m, 3, "2024-01-01"), ("v2", b, m, 7, "2024-01-02"),
                ("v3", m, n, 10, "2024-01-03"), ("v4", n, t, 4, "2024-01-04")])
    return s


def two_assets() -> Scenario:
    """USDT as mix_pay (A 3, B 7 into M, M -5-> T) and TRX: C -4 (01-03)-> M; D -6 (01-04)-> M;
    M -5 TRX (01-06)-> T (the USDT payment is 01-05).

    TRX, its own pool: HAIRCUT C 2, D 3; FIFO C 4, D 1; LIFO D 5. USDT as mix_pay.
    """
    s = Scenario()
    a, b, c, d, m, t = (s.wallet(n) for n in ["A", "B", "C", "D", "M", "T"])
    s.send_all([("u1", a, m, 3, "2024-01-01"), ("u2", b, m, 7, "2024-01-02"),
                ("r1", c, m, 4, "2024-01-03", "TRX"), ("r2", d, m, 6, "2024-01-04", "TRX"),
                ("u3", m, t, 5, "2024-01-05"), ("r3", m, t, 5, "2024-01-06", "TRX")])
    return s


def peel_back() -> Scenario:
    """O -10 (01-01)-> P1; P1 -1 (01-02)-> E1; P1 -9 (01-03)-> P2; F -3 (01-04)-> P2;
    P2 -4 (01-05)-> E2; P2 -8 (01-06)-> T. T received 8; backward through the peels:

    HAIRCUT: P2 holds P1 9 + F 3, the 4 to E2 leaves P1 6 + F 2, all paid to T: F 2; P1's 6
    came from O's 10 (all P1 held): O 6. FIFO: E2 got P1's first 4 units, T P1's units 4..9
    and F's 3; P1's units 4..9 are O's units 5..10 (E1 got O's first): O 5, F 3. LIFO: E2 got
    F's 3 and P1's last unit, T P1's first 8 = O's first 8 (E1 got O's last): O 8, F 0.
    With max_hops 2, O (3 links back) is past the hop cap: its share is dropped there.
    """
    s = Scenario()
    o, p1, p2, e1, e2, f, t = (s.wallet(n) for n in ["O", "P1", "P2", "E1", "E2", "F", "T"])
    s.send_all([("p1", o, p1, 10, "2024-01-01"), ("p2", p1, e1, 1, "2024-01-02"),
                ("p3", p1, p2, 9, "2024-01-03"), ("p4", f, p2, 3, "2024-01-04"),
                ("p5", p2, e2, 4, "2024-01-05"), ("p6", p2, t, 8, "2024-01-06")])
    return s


def round_trip() -> Scenario:
    """T -4 (01-01)-> M; A -6 (01-02)-> M; M -5 (01-03)-> T. HAIRCUT: 2 of the 5 are T's own
    (returned), A 3; FIFO: T's 4 then 1 of A's; LIFO: A's 5."""
    s = Scenario()
    t, m, a = (s.wallet(n) for n in ["T", "M", "A"])
    s.send_all([("q1", t, m, 4, "2024-01-01"), ("q2", a, m, 6, "2024-01-02"),
                ("q3", m, t, 5, "2024-01-03")])
    return s
