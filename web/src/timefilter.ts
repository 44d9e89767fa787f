// The time filter: two sliders (and date inputs) over the span of the transfers on the canvas;
// transfer edges outside the window are hidden, nothing is removed.
import { clear, h } from "./dom";
import type { App } from "./app";

const DAY = 86_400_000;

export interface TimeFilter {
  window(): [string | null, string | null];
  setWindow(from: string | null, to: string | null): void;
}

export function initTimeFilter(host: HTMLElement, app: App): TimeFilter {
  const from = h("input", { id: "time-from", type: "date", "aria-label": "Transfers from" });
  const to = h("input", { id: "time-to", type: "date", "aria-label": "Transfers until" });
  const lo = h("input", { id: "time-lo", type: "range", min: 0, max: 0, value: 0, "aria-label": "Start of time window" });
  const hi = h("input", { id: "time-hi", type: "range", min: 0, max: 0, value: 0, "aria-label": "End of time window" });
  const out = h("output", { id: "time-out" }, "no transfers");
  let start = 0; // epoch ms of slider position 0 (a UTC midnight)

  const day = (i: number) => new Date(start + i * DAY).toISOString().slice(0, 10);
  const index = (d: string) => Math.round((Date.parse(`${d}T00:00:00Z`) - start) / DAY);
  const apply = () => {
    const f = from.value ? `${from.value}T00:00:00` : null;
    const t = to.value ? `${to.value}T23:59:59.999` : null;
    const hidden = app.canvas.timeFilter(f, t);
    out.textContent = `${hidden} of ${app.canvas.transferTimes().length} transfers hidden`;
  };
  const fromSliders = () => {
    if (Number(lo.value) > Number(hi.value)) [lo.value, hi.value] = [hi.value, lo.value];
    from.value = day(Number(lo.value));
    to.value = day(Number(hi.value));
    apply();
  };
  const fromDates = () => {
    if (from.value) lo.value = String(index(from.value));
    if (to.value) hi.value = String(index(to.value));
    apply();
  };
  const rebound = () => {
    const times = app.canvas.transferTimes();
    if (!times.length) return void (out.textContent = "no transfers");
    const wasFull = Number(hi.value) === Number(hi.max) && Number(lo.value) === 0;
    start = Date.parse(`${times[0].slice(0, 10)}T00:00:00Z`);
    const max = String(index(times[times.length - 1].slice(0, 10)));
    lo.max = hi.max = max;
    if (wasFull || !from.value) [lo.value, hi.value] = ["0", max];
    fromSliders();
  };
  const reset = () => {
    from.value = to.value = "";
    rebound();
  };
  lo.addEventListener("input", fromSliders);
  hi.addEventListener("input", fromSliders);
  from.addEventListener("change", fromDates);
  to.addEventListener("change", fromDates);
  let timer = 0;
  // Only transfers move the bounds (bundles come and go with every filter change).
  app.canvas.cy.on("add remove", 'edge[type = "TRANSFER"]', () => {
    clearTimeout(timer);
    timer = window.setTimeout(rebound, 50);
  });
  clear(host, h("strong", {}, "Time"), from, lo, hi, to, out,
    h("button", { type: "button", id: "time-reset", onclick: reset }, "Show all"));
  return {
    window: () => [from.value || null, to.value || null],
    setWindow: (f, t) => {
      rebound();
      from.value = f ?? "";
      to.value = t ?? "";
      fromDates();
    },
  };
}
