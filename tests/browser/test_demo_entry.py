"""The demo's browser opens without a key on loopback; readers see source freshness.

`demo_server` is the app exactly as `scamgraph demo` builds it on 127.0.0.1 with no keys
configured (scamgraph.cli.demo.demo_settings); `server` is a keyed deployment.
"""

from __future__ import annotations

import json
import shlex
import subprocess
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from scamgraph.cli.demo import demo_settings, example_queries, print_examples
from scamgraph.settings import Settings
from tests.api.support import Server
from tests.browser import story
from tests.browser.conftest import READER_KEY, shot
from tests.browser.steps import login, offsite, search_and_pick, wait_nodes

TRUTH = {"examples": {"trace_victim": f"tron:{story.VICTIM}",
                      "exposure_deposit": f"tron:{story.KESTREL_DEPOSIT}",
                      "owners_company": "org-harbor-pay"}}


def test_the_demo_browser_opens_straight_into_the_graph(page: Any, demo_server: Server) -> None:
    page.goto(demo_server.url)
    page.locator("#app").wait_for(state="visible")
    assert page.locator("#login").is_hidden()
    assert page.locator("#session-role").inner_text().startswith("analyst")
    assert page.locator("#btn-logout").is_hidden()  # nothing to log out of
    search_and_pick(page, "Harbor", "org-harbor-group").click()
    wait_nodes(page, 1)
    assert page.locator("#details-title").inner_text() == "Harbor Group"
    shot(page, "00-demo-no-login")
    assert offsite(page.requests, demo_server.url) == []


def test_the_printed_curl_examples_work_as_printed(demo_server: Server,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    print_examples(demo_server.url, TRUTH)
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("curl ")]
    assert len(lines) == len(example_queries(TRUTH)) == 3
    answers = [json.loads(subprocess.run(shlex.split(ln), capture_output=True, text=True,
                                         check=True, timeout=60).stdout) for ln in lines]
    assert all("errors" not in a for a in answers), answers
    orgs = {o["name"]: o["amounts"] for o in answers[0]["data"]["trace"]["organisations"]}
    assert orgs == {
        "Harbor Group": [{"asset": "USDT", "amount": 700.0, "amountRaw": "700000000"}],
        "Kestrel Exchange": [{"asset": "USDT", "amount": 300.0, "amountRaw": "300000000"}]}
    (kept,) = answers[0]["data"]["trace"]["conservation"]
    assert (kept["sentRaw"], kept["attributedRaw"]) == ("1000000000", "1000000000")
    assert answers[1]["data"]["exposure"]["method"] == "HAIRCUT_TIMED"
    owners = answers[2]["data"]["owners"]["ultimateOwners"]
    assert [o["entity"]["id"] for o in owners] == ["person-wen-li"]


def test_outside_loopback_the_login_stays(settings: Settings, page: Any, server: Server) -> None:
    bare = settings.model_copy(update={"api_keys": SecretStr(""), "anonymous_role": ""})
    assert demo_settings(bare, "0.0.0.0").anonymous_role == ""
    assert demo_settings(bare, "127.0.0.1").anonymous_role == "analyst"
    keyed = settings.model_copy(update={"api_keys": SecretStr("reader:k")})
    assert demo_settings(keyed, "127.0.0.1").anonymous_role == ""  # keys set: keys rule
    assert httpx.get(f"{server.url}/session").status_code == 401
    page.goto(server.url)
    page.locator("#login").wait_for(state="visible")
    assert page.locator("#app").is_hidden()


def test_session_answers_the_role_of_a_key(server: Server, demo_server: Server) -> None:
    keyed = httpx.get(f"{server.url}/session", headers={"Authorization": f"Bearer {READER_KEY}"})
    assert keyed.json() == {"role": "reader", "anonymous": False}
    assert httpx.get(f"{demo_server.url}/session").json() == {"role": "analyst",
                                                              "anonymous": True}
    assert "script-src 'self'" in keyed.headers["content-security-policy"]


def test_a_reader_sees_source_freshness(page: Any, server: Server) -> None:
    login(page, server.url, READER_KEY)
    page.locator("#tab-sources").click()
    page.locator("#sources-fresh").wait_for()
    assert "operators" in page.locator("#sources-runs").inner_text()
    assert "failed" not in page.locator("#status").inner_text()
    assert page.locator("#status.error").count() == 0
