"""Interleaved timing of two GraphQL endpoints over the same requests (bench/peer_api.py).

Requests go in blocks of `10 * concurrency`: a block to one side, then the same arguments to
the other, which side goes first alternating per block, so a load change on the shared 2 cores
hits both alike. Within a block `concurrency` workers keep that many requests in flight. The
requests/s ratio is the median over block pairs of (peer block time / our block time).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench.stats import percentiles

BLOCK_PER_WORKER = 10


@dataclass
class Side:
    """One endpoint: its client and what was measured of it."""

    name: str
    client: httpx.AsyncClient
    path: str
    latencies_ms: list[float] = field(default_factory=list)
    blocks_s: list[float] = field(default_factory=list)

    async def ask(self, query: str, variables: dict[str, Any]) -> httpx.Response:
        response = await self.client.post(self.path, json={"query": query,
                                                           "variables": variables})
        # A cheap test, not a parse: both sides pay for it alike.
        if response.status_code != 200 or b'"errors"' in response.content:
            raise RuntimeError(f"{self.name}: {response.status_code} {response.text[:300]}")
        return response

    def summary(self) -> tuple[float, float, float]:
        """Requests/s over the blocks, p50 and p95 latency (ms)."""
        p50, p95 = percentiles(self.latencies_ms)
        return len(self.latencies_ms) / sum(self.blocks_s), p50, p95


async def _block(side: Side, query: str, args: list[str], concurrency: int) -> None:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for a in args:
        queue.put_nowait(a)

    async def worker() -> None:
        while not queue.empty():
            a = queue.get_nowait()
            began = time.perf_counter()
            await side.ask(query, {"id": a})
            side.latencies_ms.append((time.perf_counter() - began) * 1000)

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    side.blocks_s.append(time.perf_counter() - began)


async def interleaved(ours: Side, peer: Side, queries: tuple[str, str], args: list[str],
                      requests: int, concurrency: int) -> float:
    """Time `requests` per side (cycling over `args`); the paired median requests/s ratio."""
    size = BLOCK_PER_WORKER * concurrency
    warm = [args[i % len(args)] for i in range(size)]
    await _block(ours, queries[0], warm, concurrency)
    await _block(peer, queries[1], warm, concurrency)
    for side in (ours, peer):
        side.latencies_ms.clear()
        side.blocks_s.clear()
    for k in range(max(1, requests // size)):
        block = [args[(k * size + j) % len(args)] for j in range(size)]
        order = [(ours, queries[0]), (peer, queries[1])]
        for side, query in order if k % 2 == 0 else order[::-1]:
            await _block(side, query, block, concurrency)
    return statistics.median(p / o for o, p in zip(ours.blocks_s, peer.blocks_s, strict=True))


def client(base_url: str, headers: dict[str, str], concurrency: int) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return httpx.AsyncClient(base_url=base_url, headers=headers, limits=limits, timeout=120)
