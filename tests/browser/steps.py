"""Steps the browser tests share: log in, search and pick, read the canvas, take downloads."""

from __future__ import annotations

import base64
from typing import Any

# Decodes a PNG screenshot in the page itself and counts its distinct colours (sampled).
COLOURS_JS = """async (b64) => {
  const blob = await (await fetch('data:image/png;base64,' + b64)).blob();
  const bmp = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(bmp, 0, 0);
  const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
  const seen = new Set();
  for (let i = 0; i < d.length; i += 16) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
  return seen.size;
}"""


def login(page: Any, url: str, key: str) -> None:
    page.goto(url)
    page.locator("#login-key").fill(key)
    page.locator("#login-submit").click()
    page.locator("#app").wait_for(state="visible")


def cy(page: Any, expression: str) -> Any:
    """Evaluate `expression` with `cy` bound to the page's Cytoscape instance."""
    return page.evaluate(f"() => {{ const cy = window.scamgraph.cy; return {expression}; }}")


def wait_nodes(page: Any, count: int) -> None:
    page.wait_for_function("(n) => window.scamgraph && window.scamgraph.cy.nodes().length === n",
                           arg=count)


def select(page: Any, *ids: str) -> None:
    """Select nodes in this order, as shift-clicks would."""
    page.evaluate("(ids) => { const cy = window.scamgraph.cy; cy.nodes().unselect();"
                  " ids.forEach(id => cy.$id(id).select()); }", list(ids))


def search_and_pick(page: Any, text: str, entity_id: str) -> Any:
    page.locator("#search-input").fill(text)
    item = page.locator(f'#search-results li[data-id="{entity_id}"]')
    item.wait_for(state="visible")
    return item


def first_row(page: Any, table: str) -> Any:
    """The first row of a result table; on timeout, fail with what the status line says."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    row = page.locator(f"{table} tbody tr").first
    try:
        row.wait_for()
    except PlaywrightTimeout:
        page.screenshot(path="/tmp/sg-browser-failure.png")
        status = page.locator("#status").inner_text()
        raise AssertionError(f"no rows in {table}: {status}") from None
    return row


def canvas_colours(page: Any) -> int:
    png = page.locator("#cy").screenshot()
    return int(page.evaluate(COLOURS_JS, base64.b64encode(png).decode()))


def download(page: Any, button: str) -> bytes:
    with page.expect_download() as info:
        page.locator(button).click()
    path = info.value.path()
    with open(path, "rb") as f:
        return f.read()


def offsite(requests: list[str], base: str) -> list[str]:
    """Requests that left the app's own origin (a CDN, a font host, ...)."""
    return [u for u in requests if not u.startswith((base, "data:", "blob:"))]
