"""`scamgraph demo` the way the README runs it (`scripts/demo` installs, then execs it), as a
process with its defaults but a small scale: it loads, headless Chromium opens its page and is
in the graph with nothing typed, searches the planted victim and traces it with the Trace tab's
defaults; the first printed curl example answers as printed; Ctrl+C (SIGINT) stops the local
Neo4j the demo started, saying so."""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph.local import LocalNeo4j
from graph.local.ports import free_port
from scamgraph.settings import load_settings
from tests.browser.conftest import shot
from tests.browser.steps import first_row, offsite, search_and_pick, wait_nodes
from tests.browser.test_cluster_and_value_trace import units

ROOT = Path(__file__).resolve().parents[2]
SCAMGRAPH = Path(sys.executable).with_name("scamgraph")
READY_S, STOP_S = 600.0, 120.0  # bounded waits: a busy CI machine, a JVM to start and load


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int, Path]]:
    """The demo process (its output in tmp_path/demo.log, its state in tmp_path/state)."""
    port = free_port()
    env = {**os.environ, "SCAMGRAPH_HOME": str(tmp_path / "state"), "SCAMGRAPH_NEO4J_URI": "",
           "SCAMGRAPH_LOCAL_BOLT_PORT": str(free_port()), "SCAMGRAPH_LOCAL_HTTP_PORT": "0",
           "SCAMGRAPH_LOCAL_HEAP": "512m", "SCAMGRAPH_LOCAL_PAGECACHE": "128m",
           "SCAMGRAPH_API_KEYS": ""}
    out = tmp_path / "demo.log"
    with out.open("w") as log:
        proc = subprocess.Popen([str(SCAMGRAPH), "demo", "--port", str(port), "--scale", "2000"],
                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                text=True)
    try:
        yield proc, port, out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=STOP_S)
        LocalNeo4j(load_settings(home=tmp_path / "state", neo4j_uri="")).stop()


def _ready(port: int, proc: subprocess.Popen[str]) -> bool:
    end = time.monotonic() + READY_S
    while time.monotonic() < end and proc.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/session", timeout=5).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(1)
    return False


TRACE = """query($s: [ID!]!) { trace(seeds: $s, maxHops: 3, rollup: true, method: HAIRCUT) {
  organisations { id amounts { asset amountRaw } }
  conservation { asset decimals sentRaw attributedRaw droppedHopCapRaw } } }"""


def haircut_answer(url: str, victim: str) -> tuple[dict[str, str], bool]:
    """The API's answer to what the Trace tab asks by default: each organisation's share of the
    victim's money as the panel writes it, and whether the hop cap cut the trace."""
    answer = httpx.post(f"{url}graphql", json={"query": TRACE, "variables": {"s": [victim]}},
                        timeout=120).json()["data"]["trace"]
    dec = {c["asset"]: c["decimals"] for c in answer["conservation"]}
    for c in answer["conservation"]:  # never more than was sent
        assert int(c["attributedRaw"]) <= int(c["sentRaw"])
    want = {o["id"]: "; ".join(f"{units(a['amountRaw'], dec[a['asset']])} {a['asset']}"
                               for a in o["amounts"]) for o in answer["organisations"]}
    return want, any(int(c["droppedHopCapRaw"]) > 0 for c in answer["conservation"])


def enter_and_trace(browser: Any, url: str, victim: str) -> None:
    """A newcomer's first minute: open the page, find the victim, trace it with the defaults."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.set_default_timeout(60_000)
    try:
        page.goto(url)
        page.locator("#app").wait_for(state="visible")
        assert page.locator("#login").is_hidden()
        assert page.locator("#session-role").inner_text() == "analyst (no key)"
        search_and_pick(page, victim.split(":", 1)[1], victim).click()
        wait_nodes(page, 1)
        page.locator("#tab-trace").click()
        page.get_by_role("button", name="Use selected").first.click()
        assert page.locator("#trace-method").input_value() == "HAIRCUT"
        page.locator("#trace-run").click()
        first_row(page, "#trace-orgs")
        want, hop_cut = haircut_answer(url, victim)
        rows = page.locator("#trace-orgs tbody tr").all()
        assert {r.get_attribute("data-id"): r.locator("td").nth(1).inner_text()
                for r in rows} == want
        assert page.locator("#trace-hopcap").count() == (1 if hop_cut else 0)
        assert page.evaluate("() => window.scamgraph.cy.nodes().length") > 1
        shot(page, "00b-demo-process-trace")
        assert offsite(seen, url) == []
    finally:
        context.close()


def test_demo_serves_keyless_and_ctrl_c_stops_its_neo4j(
        demo: tuple[subprocess.Popen[str], int, Path], tmp_path: Path, browser: Any) -> None:
    proc, port, out = demo
    assert _ready(port, proc), out.read_text()[-2000:]
    session = httpx.get(f"http://127.0.0.1:{port}/session", timeout=10).json()
    assert session == {"role": "analyst", "anonymous": True}
    # The first printed example, run exactly as printed (its body; curl is not needed here).
    printed = next(line for line in out.read_text().splitlines() if line.startswith("curl "))
    words = shlex.split(printed)
    body = json.loads(words[words.index("-d") + 1])
    answer = httpx.post(words[2], json=body, timeout=60).json()
    assert "errors" not in answer and answer["data"], answer
    victim = re.search(r'seeds: \["([^"]+)"\]', body["query"])
    assert victim, body
    enter_and_trace(browser, f"http://127.0.0.1:{port}/", victim.group(1))
    server = LocalNeo4j(load_settings(home=tmp_path / "state", neo4j_uri=""))
    assert server.pid() is not None, "the demo started no local Neo4j"
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=STOP_S) == 0  # Ctrl+C is the demo's normal end
    text = out.read_text()
    assert "stopping the local Neo4j the demo started" in text, text[-2000:]
    assert server.pid() is None
