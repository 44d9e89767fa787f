// The "Flows" tab: value moved from one entity's wallets to another's (an organisation stands
// for its group), by month, as a bar chart per asset and a table; the API's reason (e.g. an
// entity with no wallet) is said in the panel, not left as an empty chart.
import { gql } from "./api";
import { clear, field, fmtAmount, h } from "./dom";
import { toNode, type GqlEntity } from "./convert";
import { ENTITY } from "./queries";
import { edgeLabel, type RelEdge } from "./model";
import { errorText, type App } from "./app";
import { barChart, months, type Bar } from "./barchart";
import { exactAmount, fmtRaw } from "./tracevalue";

// amountRaw/decimals: the exact sum in base units, shown when the API knows it.
interface Period {
  period: string; asset: string; amount: number; transfers: number;
  amountRaw?: string | null; decimals?: number | null;
}
interface Flow {
  maxHops: number; direct: Period[]; within: Period[]; amountSemantics: string; partial: boolean;
  reason: string | null; from: GqlEntity | null; to: GqlEntity | null;
}

const FLOWS = `query Flows($from: ID!, $to: ID!, $hops: Int) { flows(from: $from, to: $to, maxHops: $hops) {
  maxHops direct { period asset amount transfers } within { period asset amount transfers amountRaw decimals }
  amountSemantics partial reason from { ...E } to { ...E } } } ${ENTITY}`;

export function initFlows(app: App): void {
  const panel = app.tabs.panel("Flows");
  const from = h("input", { id: "flows-from", placeholder: "wallet or organisation id" });
  const to = h("input", { id: "flows-to", placeholder: "wallet or organisation id" });
  const hops = h("input", { id: "flows-hops", type: "number", min: 1, max: 6, placeholder: "API default" });
  const out = h("div", { id: "flows-results" });
  const useSelection = () => {
    const ids = app.canvas.selectedIds();
    if (ids.length) from.value = ids[0];
    if (ids.length > 1) to.value = ids[ids.length - 1];
  };
  const form = h("form", { class: "stack", id: "flows-form" }, h("h2", {}, "Flows by month"),
    h("div", { class: "row" }, field("From", from), field("To", to)),
    h("div", { class: "row" }, field("Hops", hops),
      h("button", { type: "button", onclick: useSelection, title: "first selected is From, last is To" }, "Use selection")),
    h("button", { type: "submit", class: "primary", id: "flows-run" }, "Show flows"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void app.run("flows", async () => {
      clear(out, h("p", { class: "muted" }, "Measuring\u2026"));
      try {
        // An empty Hops sends no maxHops: the API's default is the answer for the common case.
        const vars = { from: from.value.trim(), to: to.value.trim(), hops: hops.value ? Number(hops.value) : undefined };
        const f = (await gql<{ flows: Flow }>(FLOWS, vars)).flows;
        await show(app, out, f, vars.from, vars.to);
      } catch (err) {
        clear(out, h("p", { class: "bad", id: "flows-error" }, `Refused: ${errorText(err)}`));
        throw err;
      }
    });
  });
  clear(panel, form, out);
}

async function show(app: App, out: HTMLElement, f: Flow, fromId: string, toId: string): Promise<void> {
  const ends = [f.from, f.to].filter((e): e is GqlEntity => !!e);
  const totals = totalsOf(f.within);
  // The answer has no transfers to draw; one FLOW edge between the two ends carries its totals.
  const flow: RelEdge = { id: `FLOW:${fromId}>${toId}`, type: "FLOW", source: fromId, target: toId, asset: null,
    amount: null, ts: null, label: edgeLabel("FLOW", null, null, totals), provenance: null, props: { maxHops: f.maxHops } };
  app.canvas.add({ nodes: ends.map(toNode), edges: ends.length === 2 && f.within.length ? [flow] : [] });
  app.canvas.highlight([fromId, toId], [flow.id]);
  await app.canvas.layout();
  app.tabs.show("Flows");
  const name = (e: GqlEntity | null, id: string) => e?.name ?? id;
  const assets = [...new Set(f.within.map((p) => p.asset))].sort();
  const span = months(f.within.map((p) => p.period));
  const charts = assets.map((asset) => {
    const at = (xs: Period[], m: string) => xs.find((p) => p.asset === asset && p.period === m);
    const bars: Bar[] = span.map((m) => ({
      label: m, value: at(f.within, m)?.amount ?? 0, inner: at(f.direct, m)?.amount ?? 0,
      title: `${m}: ${fmtAmount(at(f.within, m)?.amount ?? 0)} ${asset} within ${f.maxHops} hops `
        + `(${fmtAmount(at(f.direct, m)?.amount ?? 0)} direct), ${at(f.within, m)?.transfers ?? 0} transfers`,
    }));
    return h("figure", { class: "flow-chart", "data-asset": asset },
      h("figcaption", {}, `${asset} by month (dark: direct)`), barChart(bars, asset));
  });
  const rows = f.within.map((p) => {
    const d = f.direct.find((x) => x.asset === p.asset && x.period === p.period);
    return h("tr", { "data-period": p.period, "data-asset": p.asset },
      h("td", {}, p.period), h("td", {}, p.asset), h("td", { class: "num" }, fmtAmount(d?.amount ?? 0)),
      h("td", { class: "num", "data-raw": p.amountRaw ?? "" }, exactAmount(p)), h("td", { class: "num" }, String(p.transfers)));
  });
  const said = f.reason
    ? h("p", { class: f.partial ? "bad" : "note", id: "flows-reason" }, `${f.partial ? "Partial: " : "No flow to show: "}${f.reason}`)
    : null;
  clear(out,
    h("p", { id: "flows-summary" }, `${name(f.from, fromId)} \u2192 ${name(f.to, toId)}, within ${f.maxHops} hops: `
      + (totals || "nothing")),
    said, ...charts,
    rows.length ? h("table", { class: "list", id: "flows-table" },
      h("thead", {}, h("tr", {}, ...["Month", "Asset", "Direct", "Within", "#"].map((x) => h("th", { title: x === "#" ? "transfers" : "" }, x)))),
      h("tbody", {}, ...rows)) : null,
    h("p", { class: "muted" }, f.amountSemantics));
}

/** Per asset, the sum over the months ("1,744.817892 USDT; 3 ETH"), exact when every month is. */
function totalsOf(ps: Period[]): string {
  const assets = [...new Set(ps.map((p) => p.asset))].sort((a, b) => a.localeCompare(b));
  return assets.map((a) => {
    const of = ps.filter((p) => p.asset === a);
    const dec = new Set(of.map((p) => p.decimals));
    if (of.every((p) => p.amountRaw) && dec.size === 1 && typeof of[0].decimals === "number") {
      const raw = of.reduce((sum, p) => sum + BigInt(p.amountRaw as string), 0n);
      return `${fmtRaw(raw.toString(), of[0].decimals)} ${a}`;
    }
    return `${fmtAmount(of.reduce((sum, p) => sum + p.amount, 0))} ${a}`;
  }).join("; ");
}
