// Trace mode: forward or backward from a wallet, by paths or by value (tracevalue.ts); evidence
// paths light up on the canvas and a table lists the organisations reached (rolled up to their
// group when asked) with amounts.
import { gql } from "./api";
import { clear, field, h } from "./dom";
import { toNode, type GqlEntity, type GqlTransfer } from "./convert";
import type { SubgraphData } from "./model";
import { ENTITY, TRANSFER, evidenceGraph } from "./queries";
import { attachControllers } from "./controllers";
import { errorText, type App } from "./app";
import {
  DEFAULT_METHOD, METHODS, VALUE_METHODS, amountText, conservationView, decimalsOf, hopCapNote, valueFields, walletsView,
  type Amount, type Conservation, type Decimals, type Method, type TracedWallet,
} from "./tracevalue";

type Hop = GqlTransfer & { from: GqlEntity | null; to: GqlEntity | null };
interface Reach {
  id: string; name: string | null; kinds: string[]; memberIds: string[]; groupName: string | null; pathCount: number; minHops: number;
  amounts: Amount[]; evidence: { hops: Hop[] }[]; organization: GqlEntity | null;
}
interface Endpoint { walletId: string; amounts: Amount[]; pathCount: number; evidence: { hops: Hop[] }[] }
interface TraceAnswer {
  organisations: Reach[]; unattributed: Endpoint[]; pathsExplored: number; amountSemantics: string;
  partial: boolean; reason: string | null; direction: string; method: Method; conservation: Conservation[]; wallets: TracedWallet[];
}

const doc = (direction: string) => `query Trace($seeds: [ID!]!, $direction: Direction!, $maxHops: Int!, $since: DateTime,
  $until: DateTime, $minAmount: Float, $rollup: Boolean!, $method: TraceMethod!) {
  trace(seeds: $seeds, direction: $direction, maxHops: $maxHops, since: $since, until: $until,
        minAmount: $minAmount, rollup: $rollup, method: $method) {
    direction pathsExplored amountSemantics partial reason ${valueFields(direction)}
    organisations { id name kinds memberIds groupName pathCount minHops amounts { asset amount transfers amountRaw }
      evidence { hops { ...T } } organization { ...E } }
    unattributed { walletId pathCount amounts { asset amount transfers amountRaw } evidence { hops { ...T } } }
  }
} ${ENTITY} ${TRANSFER}`;

export function initTrace(app: App): { useSelected(): void } {
  const panel = app.tabs.panel("Trace");
  const seed = h("input", { id: "trace-seed", placeholder: "wallet id (chain:address)" });
  const direction = h("select", { id: "trace-direction" }, h("option", { value: "FORWARD" }, "forward (where did it go?)"),
    h("option", { value: "BACKWARD" }, "backward (where did it come from?)"));
  const hops = h("input", { id: "trace-hops", type: "number", min: 1, max: 6, value: 3 });
  const method = h("select", { id: "trace-method" }, ...METHODS.map((m) => h("option", { value: m }, m)));
  // "How much of this money reached whom" is the common question: by value, so that no
  // organisation is shown receiving more than the seeds sent (PATHS counts whole transfers).
  method.value = DEFAULT_METHOD;
  const since = h("input", { id: "trace-since", type: "date" });
  const until = h("input", { id: "trace-until", type: "date" });
  const minAmount = h("input", { id: "trace-min", type: "number", min: 0, step: "any", placeholder: "any" });
  const rollup = h("input", { id: "trace-rollup", type: "checkbox", checked: true });
  const out = h("div", { id: "trace-results" });
  const useSelected = () => {
    const w = app.canvas.selectedIds().map((id) => app.canvas.entity(id)).find((n) => n?.kind === "wallet");
    if (w) seed.value = w.id;
    app.tabs.show("Trace");
    seed.focus();
  };
  const form = h("form", { class: "stack", id: "trace-form" },
    h("h2", {}, "Trace money"),
    h("div", { class: "row" }, field("Seed wallet", seed), h("button", { type: "button", onclick: useSelected }, "Use selected")),
    h("div", { class: "row" }, field("Direction", direction), field("Hops", hops), field("Method", method)),
    h("div", { class: "row" }, field("Since", since), field("Until", until)),
    h("div", { class: "row" }, field("Minimum amount", minAmount),
      h("label", {}, rollup, " roll up to group")),
    h("button", { type: "submit", class: "primary", id: "trace-run" }, "Run trace"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void app.run("trace", async () => {
      const vars = {
        seeds: [seed.value.trim()], direction: direction.value, maxHops: Number(hops.value),
        since: since.value ? `${since.value}T00:00:00Z` : null, until: until.value ? `${until.value}T23:59:59Z` : null,
        minAmount: minAmount.value ? Number(minAmount.value) : null, rollup: rollup.checked, method: method.value,
      };
      clear(out, h("p", { class: "muted" }, "Tracing\u2026"));
      try {
        const d = await gql<{ trace: TraceAnswer }>(doc(vars.direction), vars);
        await show(app, out, d.trace, vars.seeds[0], vars.maxHops);
      } catch (err) {
        // The API's own words (e.g. a method it refuses for this direction), not a blank panel.
        clear(out, h("p", { class: "bad", id: "trace-error" }, `Trace refused: ${errorText(err)}`));
        throw err;
      }
    });
  });
  clear(panel, form, out);
  return { useSelected };
}

async function show(app: App, out: HTMLElement, t: TraceAnswer, seedId: string, hops: number): Promise<void> {
  const all = [...t.organisations.flatMap((o) => o.evidence), ...t.unattributed.flatMap((u) => u.evidence)];
  const g = evidenceGraph(all.flatMap((e) => e.hops));
  const orgs: SubgraphData = { nodes: t.organisations.flatMap((o) => (o.organization ? [toNode(o.organization)] : [])), edges: [] };
  app.canvas.add(g);
  app.canvas.add(orgs);
  const ends = new Set(g.nodes.map((n) => n.id).filter((id) => id !== seedId));
  await attachControllers(app, [...ends]);
  app.canvas.cy.getElementById(seedId).data("seed", true);
  const lightAll = () => light(app, all, t.organisations.flatMap((o) => [o.id, ...o.memberIds]));
  lightAll();
  await app.canvas.layout();
  const dec = decimalsOf(t.conservation);
  const label = (id: string) => app.canvas.entity(id)?.label ?? id;
  const value = VALUE_METHODS.includes(t.method);
  clear(out,
    h("p", { id: "trace-summary" }, `${t.organisations.length} organisations, ${t.unattributed.length} unattributed endpoints, `
      + (value ? `${new Set(t.wallets.map((w) => w.walletId)).size} wallets reached` : `${t.pathsExplored} paths explored`)
      + ` (${t.method}).`, t.partial ? h("strong", { class: "bad" }, ` Partial: ${t.reason ?? ""}`) : null),
    value ? hopCapNote(t.conservation, hops) : null,
    h("h3", {}, "Receiving organisations"),
    table(["Organisation", value ? "Seeds' value received" : "Transfers on paths", value ? "Transfers in" : "Paths"], t.organisations.map((o) => ({
      cells: [o.name ?? o.id, amounts(o.amounts, dec), String(o.pathCount)], id: o.id,
      onPick: () => light(app, o.evidence, [o.id, ...o.memberIds]),
    })), "trace-orgs"),
    value && t.organisations.length > 1 ? h("p", { class: "muted", id: "trace-orgs-note" },
      "Each row is what entered that organisation, at most what the seeds sent; the same money can pass "
      + "through several in turn, so the rows need not add up (the conservation line below does).") : null,
    h("h3", {}, "Unattributed endpoints"),
    table(["Wallet", value ? "Seeds' value received" : "Transfers on paths", value ? "Transfers in" : "Paths"], t.unattributed.map((u) => ({
      cells: [label(u.walletId), amounts(u.amounts, dec), String(u.pathCount)], id: u.walletId,
      onPick: () => light(app, u.evidence, [u.walletId]),
    })), "trace-ends"),
    value ? h("h3", {}, t.direction === "BACKWARD" ? "Wallets the funds passed" : "Where it is now") : null,
    value ? walletsView(t.wallets, dec, label, (id) => light(app, [], [id])) : null,
    value ? h("h3", {}, "Conservation") : null,
    value ? conservationView(t.conservation) : null,
    h("p", { class: "muted" }, t.amountSemantics),
    h("button", { type: "button", onclick: lightAll }, "Highlight all paths"), " ",
    h("button", { type: "button", onclick: () => app.canvas.clearHighlight() }, "Clear highlight"));
}

function light(app: App, evidence: { hops: Hop[] }[], extra: string[]): void {
  const nodes = new Set(extra);
  const edges = new Set<string>();
  for (const e of evidence) for (const hop of e.hops) {
    nodes.add(hop.fromId);
    nodes.add(hop.toId);
    edges.add(hop.id);
  }
  // The attribution edges from reached wallets to the organisations light up too.
  app.canvas.cy.edges().forEach((e) => {
    if (nodes.has(e.source().id()) && extra.includes(e.target().id())) edges.add(e.id());
  });
  app.canvas.highlight(nodes, edges);
}

function amounts(xs: Amount[], dec: Decimals): string {
  return xs.map((a) => amountText(a, dec)).join("; ");
}

export function table(head: string[], rows: { cells: (string | HTMLElement)[]; id: string; onPick: () => void }[], id: string): HTMLElement {
  if (!rows.length) return h("p", { class: "muted", id }, "None.");
  const body = rows.map((r) => {
    const tr = h("tr", { class: "clickable", tabindex: 0, "data-id": r.id, onclick: r.onPick },
      ...r.cells.map((c, i) => h("td", { class: i > 0 ? "num" : "" }, c)));
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") r.onPick(); });
    return tr;
  });
  return h("table", { class: "list", id }, h("thead", {}, h("tr", {}, ...head.map((x) => h("th", {}, x)))), h("tbody", {}, ...body));
}
