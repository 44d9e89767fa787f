"""The trace queries are generated from one template: the committed files must be its output."""

from __future__ import annotations

from cypher import generate
from graph.investigate import limits


def test_committed_trace_files_are_what_the_template_gives() -> None:
    stale = [f"cypher/{path}" for path in generate.stale()]
    assert not stale, (f"{stale} differ from cypher/{generate.TEMPLATE}: "
                       "run python -m cypher.generate")


def test_one_hop_block_per_allowed_hop() -> None:
    assert generate.HOPS == limits.MAX_HOPS
    for direction in generate.DIRECTIONS:
        text = generate.render(direction)
        assert text.count("CALL (seeds, frontier)") == limits.MAX_HOPS
        assert f"$max_hops >= {limits.MAX_HOPS}\n" in text


def test_directions_differ_only_in_arrow_time_order_and_wording() -> None:
    forward, backward = (generate.render(d).splitlines() for d in generate.DIRECTIONS)
    changed = [(a, b) for a, b in zip(forward, backward, strict=True) if a != b]
    # Per hop: the bound over a wallet's paths (earliest / latest), the arrow, the bound's
    # comparison and each path's own time order.
    assert len(changed) == 2 + 4 * limits.MAX_HOPS
    hops = changed[2:]
    assert all("min(last(f.rels).ts)" in a and "max(last(f.rels).ts)" in b for a, b in hops[::4])
    assert all("-[t:TRANSFER]->" in a and "<-[t:TRANSFER]-" in b for a, b in hops[1::4])
    assert all("t.ts >= bound" in a and "t.ts <= bound" in b for a, b in hops[2::4])
    assert all("t.ts >= prev.ts" in a and "t.ts <= prev.ts" in b for a, b in hops[3::4])
