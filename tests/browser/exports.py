"""The PNG and SVG exports carry a title, the date made, the time window and the legend."""
from __future__ import annotations

import base64
import struct
from datetime import UTC, datetime
from typing import Any

from defusedxml import ElementTree

from tests.browser.conftest import SHOTS
from tests.browser.steps import download

SVG = "{http://www.w3.org/2000/svg}"
HEAD = 46  # exportframe.ts: header height in CSS pixels
LEGEND = ["wallet", "exchange", "company", "organization", "person", "compound", "sanction",
          "sanctioned", "scam-linked", "compound-linked"]

# Dark pixels in a band of a PNG, counted by the browser's own decoder.
INK_JS = """async ([b64, top, bottom]) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  const d = g.getImageData(0, top, c.width, bottom - top).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 300) n++;
  return n;
}"""

BARE_JS = """async () => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + scamgraph.cy.png({ full: true, scale: 2, output: 'base64' });
  await img.decode();
  return [img.naturalWidth, img.naturalHeight];
}"""


def check_framed_png(page: Any) -> None:
    png = download(page, "#export-png")
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "07b-export-framed.png").write_bytes(png)  # the export itself, to be looked at
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    bare_w, bare_h = page.evaluate(BARE_JS)
    assert width == max(bare_w, 2 * 640)
    assert height > bare_h + 2 * HEAD  # header above, legend below
    b64 = base64.b64encode(png).decode()
    assert page.evaluate(INK_JS, [b64, 0, 2 * HEAD]) > 200, "the header (title, date) is blank"
    assert page.evaluate(INK_JS, [b64, 2 * HEAD + bare_h, height]) > 200, "the legend is blank"


def check_framed_svg(page: Any, title: str, window: str) -> None:
    root = ElementTree.fromstring(download(page, "#export-svg"))
    texts = {t.get("class"): "".join(t.itertext())
             for t in root.iter(f"{SVG}text") if t.get("class")}
    assert texts["export-title"] == title
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert texts["export-meta"].startswith(f"made {today} ")
    assert f"transfers shown: {window}" in texts["export-meta"]
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "export-legend")
    assert ["".join(t.itertext()) for t in legend.iter(f"{SVG}text")] == LEGEND
    canvas = root.find(f"{SVG}svg")
    assert canvas is not None and canvas.get("y") == str(HEAD)
    assert len(list(canvas.iter(f"{SVG}path"))) > 0, "the canvas drawing is missing from the SVG"
