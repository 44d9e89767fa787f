"""Browser fixtures: the story graph, the real app under uvicorn, and Debian's Chromium.

Chromium is the system one (/usr/bin/chromium, from scripts/install-browser-deps) driven by
Playwright; `playwright install` would download a browser, which this project never does.
Screenshots go to a temporary folder, so a test run leaves the checkout clean; set
SCAMGRAPH_REFRESH_SCREENSHOTS=1 to rewrite docs/screenshots/ deliberately.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from api.app import create_app
from graph.db import Graph
from scamgraph.cli.demo import demo_settings
from scamgraph.settings import Settings
from tests.api.support import Server
from tests.browser import story

CHROMIUM = Path("/usr/bin/chromium")
DOC_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SHOTS = (DOC_SHOTS if os.environ.get("SCAMGRAPH_REFRESH_SCREENSHOTS") == "1"
         else Path(tempfile.gettempdir()) / "scamgraph-screenshots")
ANALYST_KEY = "analyst-browser-key"
READER_KEY = "reader-browser-key"
# Without the background-networking flags Chromium keeps dialling Google on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def story_graph(session_graph: Graph) -> Graph:
    story.write(session_graph)
    return session_graph


@pytest.fixture(scope="module")
def server(settings: Settings, story_graph: Graph, tmp_path_factory: pytest.TempPathFactory,
           ) -> Iterator[Server]:
    keys = f"analyst:{ANALYST_KEY},reader:{READER_KEY}"
    audit = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    app_settings = settings.model_copy(update={"api_keys": SecretStr(keys), "audit_log": audit})
    with Server(create_app(app_settings, graph=story_graph)) as srv:
        yield srv


@pytest.fixture(scope="module")
def demo_server(settings: Settings, story_graph: Graph, tmp_path_factory: pytest.TempPathFactory,
                ) -> Iterator[Server]:
    """The app as `scamgraph demo` serves it on loopback: no keys configured at all."""
    audit = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    bare = settings.model_copy(update={"api_keys": SecretStr(""), "anonymous_role": "",
                                       "audit_log": audit})
    with Server(create_app(demo_settings(bare, "127.0.0.1"), graph=story_graph)) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: run scripts/install-browser-deps")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    """A fresh 1280x800 tab; every request it makes is recorded (to prove no CDN is used)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.set_default_timeout(60_000)  # a loaded 2-core machine can be slow
    yield pg
    context.close()


def shot(page: Any, name: str) -> Path:
    """Screenshot of the whole window: for a look, and for docs/screenshots/ when refreshing."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
