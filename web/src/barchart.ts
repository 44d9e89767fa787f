// A small bar chart in plain SVG (no chart library for a dozen bars): one bar per label, an
// inner darker bar for a part of it (e.g. the direct share of a month's flow), a title per bar.
import { fmtAmount } from "./dom";

export interface Bar { label: string; value: number; inner: number; title: string }

const NS = "http://www.w3.org/2000/svg";
const W = 320;
const H = 140;
const PAD = { left: 8, right: 8, top: 18, bottom: 30 };

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Every month from the first to the last of `periods` ("YYYY-MM"), gaps included: a month
 * without flow is a zero bar, so the x axis is time, not a list of busy months. */
export function months(periods: string[]): string[] {
  const sorted = [...new Set(periods)].sort();
  if (!sorted.length) return [];
  const out: string[] = [];
  let [y, m] = sorted[0].split("-").map(Number);
  const last = sorted[sorted.length - 1];
  for (let i = 0; i < 600; i++) {  // bounded: 50 years of months
    const p = `${y}-${String(m).padStart(2, "0")}`;
    out.push(p);
    if (p >= last) break;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

export function barChart(bars: Bar[], unit: string): SVGElement {
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", class: "bar-chart",
    "aria-label": `${unit} per month` });
  const top = Math.max(...bars.map((b) => b.value), 0);
  const slot = (W - PAD.left - PAD.right) / Math.max(bars.length, 1);
  const scale = (v: number) => (top > 0 ? (v / top) * (H - PAD.top - PAD.bottom) : 0);
  bars.forEach((b, i) => {
    const x = PAD.left + i * slot + slot * 0.15;
    const w = slot * 0.7;
    const base = H - PAD.bottom;
    const g = el("g", { class: "bar", "data-label": b.label, "data-value": String(b.value), "data-inner": String(b.inner) });
    g.append(el("title", {}, b.title));
    g.append(el("rect", { x, y: base - scale(b.value), width: w, height: scale(b.value), fill: "#90caf9" }));
    g.append(el("rect", { x, y: base - scale(b.inner), width: w, height: scale(b.inner), fill: "#1565c0" }));
    if (b.value > 0) {
      g.append(el("text", { x: x + w / 2, y: base - scale(b.value) - 3, "text-anchor": "middle", "font-size": 9 },
        fmtAmount(b.value)));
    }
    // Every label when few bars, else every third, so labels never overlap.
    if (bars.length <= 6 || i % 3 === 0) {
      g.append(el("text", { x: x + w / 2, y: H - PAD.bottom + 12, "text-anchor": "middle", "font-size": 9 }, b.label));
    }
    svg.append(g);
  });
  svg.append(el("line", { x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom, stroke: "#888" }));
  return svg;
}
