"""The top bar at 1280x800: every control is inside the window, on one line, none cut off.

Checked keyed (role and "Log out" shown) and keyless as in the demo ("analyst (no key)").
"""

from __future__ import annotations

from typing import Any

from tests.api.support import Server
from tests.browser.conftest import ANALYST_KEY, shot
from tests.browser.steps import login

# Each visible control of the top bar: its box, and whether its own text overflows it.
SELECTOR = ", ".join(f".topbar {t}" for t in ("button", "select", "input", "a", ".role", "label",
                                             ".brand"))
BOXES = """(sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null)
  .map(e => { const r = e.getBoundingClientRect();
    return { id: e.id || e.textContent.trim(), left: r.left, right: r.right, top: r.top,
             bottom: r.bottom, clipped: e.scrollWidth > e.clientWidth + 1 && e.tagName !== 'SELECT'
               && e.tagName !== 'INPUT' }; })"""


def fits(page: Any) -> None:
    assert page.viewport_size == {"width": 1280, "height": 800}
    bar = page.locator(".topbar").bounding_box()
    boxes = page.evaluate(BOXES, SELECTOR)
    assert len(boxes) >= 16
    for b in boxes:
        assert b["left"] >= 0 and b["right"] <= 1280, b  # nothing off the right edge
        assert bar["y"] <= b["top"] and b["bottom"] <= bar["y"] + bar["height"], b  # one line
        assert not b["clipped"], b
    assert page.evaluate("() => { const t = document.querySelector('.topbar');"
                         " return t.scrollWidth <= t.clientWidth; }")


def test_top_bar_fits_at_1280_with_a_key(page: Any, server: Server) -> None:
    login(page, server.url, ANALYST_KEY)
    assert page.locator("#btn-logout").is_visible()
    fits(page)


def test_top_bar_fits_at_1280_keyless(page: Any, demo_server: Server) -> None:
    page.goto(demo_server.url)
    page.locator("#app").wait_for(state="visible")
    assert page.locator("#session-role").inner_text() == "analyst (no key)"
    fits(page)
    shot(page, "20-top-bar-1280")
