// The timeline under the canvas: a histogram of the transfers on the canvas by day (or by a few
// days when they span more than MAX_BARS days). Dragging across it keeps a window: transfer edges
// outside it are hidden, nothing is removed. The date inputs show the window to the day and take
// typed dates; "Show all" clears it. The window is whole UTC days, as the case file saves it.
import { clear, h } from "./dom";
import type { App } from "./app";

const DAY = 86_400_000;
const MAX_BARS = 120;
const SVG = "http://www.w3.org/2000/svg";

export interface TimeFilter {
  window(): [string | null, string | null];
  setWindow(from: string | null, to: string | null): void;
}

/** Day bins over the transfers: start is the first day's UTC midnight, `per` days a bar. */
interface Bins { start: number; per: number; counts: number[] }

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

export function binsOf(times: string[]): Bins {
  if (!times.length) return { start: 0, per: 1, counts: [] };
  const start = dayMs(times[0].slice(0, 10));
  const days = Math.round((dayMs(times[times.length - 1].slice(0, 10)) - start) / DAY) + 1;
  const per = Math.ceil(days / MAX_BARS);
  const counts = new Array<number>(Math.ceil(days / per)).fill(0);
  for (const t of times) counts[Math.floor((dayMs(t.slice(0, 10)) - start) / DAY / per)] += 1;
  return { start, per, counts };
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export function initTimeFilter(host: HTMLElement, app: App): TimeFilter {
  const from = h("input", { id: "time-from", type: "date", "aria-label": "Transfers from" });
  const to = h("input", { id: "time-to", type: "date", "aria-label": "Transfers until" });
  const out = h("output", { id: "time-out" }, "no transfers");
  const chart = svg("svg", { id: "timeline", role: "img", "aria-label": "Transfers per day; drag to keep a window",
    preserveAspectRatio: "none" });
  const first = h("span", { id: "timeline-first" });
  const last = h("span", { id: "timeline-last" });
  let bins: Bins = binsOf([]);

  const binDay = (i: number, end = false) => isoDay(bins.start + ((i + (end ? 1 : 0)) * bins.per - (end ? 1 : 0)) * DAY);
  const inWindow = (i: number) => (!from.value || binDay(i, true) >= from.value) && (!to.value || binDay(i) <= to.value);
  const draw = () => {
    const n = bins.counts.length;
    const top = Math.max(1, ...bins.counts);
    chart.setAttribute("viewBox", `0 0 ${Math.max(1, n)} ${top}`);
    chart.replaceChildren(...bins.counts.map((c, i) => {
      const bar = svg("rect", { x: i + 0.1, y: top - c, width: 0.8, height: c, class: inWindow(i) ? "in" : "out", "data-day": binDay(i) });
      const tip = svg("title", {});
      tip.textContent = `${binDay(i)}${bins.per > 1 ? ` to ${binDay(i, true)}` : ""}: ${c} transfers`;
      bar.append(tip);
      return bar;
    }));
    first.textContent = n ? binDay(0) : "";
    last.textContent = n ? binDay(n - 1, true) : "";
  };
  const apply = () => {
    const f = from.value ? `${from.value}T00:00:00` : null;
    const t = to.value ? `${to.value}T23:59:59.999` : null;
    const hidden = app.canvas.timeFilter(f, t);
    const total = app.canvas.transferTimes().length;
    out.textContent = total ? `${hidden} of ${total} transfers hidden` : "no transfers";
    draw();
  };
  const rebound = () => {
    bins = binsOf(app.canvas.transferTimes());
    apply();
  };
  const reset = () => {
    from.value = to.value = "";
    apply();
  };
  brush(chart, () => bins.counts.length, (a, b) => {
    from.value = binDay(a);
    to.value = binDay(b, true);
    apply();
  });
  from.addEventListener("change", apply);
  to.addEventListener("change", apply);
  let timer = 0;
  // Only transfers move the bounds (bundles come and go with every filter change).
  app.canvas.cy.on("add remove", 'edge[type = "TRANSFER"]', () => {
    clearTimeout(timer);
    timer = window.setTimeout(rebound, 50);
  });
  clear(host, h("strong", {}, "Time"), from,
    h("div", { class: "timeline" }, chart, h("div", { class: "timeline-axis" }, first, last)), to, out,
    h("button", { type: "button", id: "time-reset", onclick: reset }, "Show all"));
  return {
    window: () => [from.value || null, to.value || null],
    setWindow: (f, t) => {
      from.value = f ?? "";
      to.value = t ?? "";
      rebound();
    },
  };
}

/** Drag across the bars (mouse, pen or touch): the bins under the first and last point. */
function brush(chart: SVGSVGElement, bars: () => number, done: (a: number, b: number) => void): void {
  let start: number | null = null;
  const band = svg("rect", { class: "brush", y: 0, height: "100%", x: 0, width: 0 });
  const at = (ev: PointerEvent) => {
    const r = chart.getBoundingClientRect();
    return Math.min(bars() - 1, Math.max(0, Math.floor(((ev.clientX - r.left) / r.width) * bars())));
  };
  const show = (a: number, b: number) => {
    band.setAttribute("x", String(Math.min(a, b)));
    band.setAttribute("width", String(Math.abs(b - a) + 1));
    chart.append(band);
  };
  chart.addEventListener("pointerdown", (ev) => {
    if (!bars()) return;
    chart.setPointerCapture(ev.pointerId);
    start = at(ev);
    show(start, start);
  });
  chart.addEventListener("pointermove", (ev) => { if (start !== null) show(start, at(ev)); });
  chart.addEventListener("pointerup", (ev) => {
    if (start === null) return;
    const end = at(ev);
    band.remove();
    done(Math.min(start, end), Math.max(start, end));
    start = null;
  });
}
