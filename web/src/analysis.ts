// The "Risk" tab: who ultimately owns a company (owners, chains drawn on the canvas) and what
// a wallet or organisation is exposed to (exposure by category; its wallets lit on the canvas).
import { gql } from "./api";
import { clear, field, fmtAmount, h } from "./dom";
import { toNode, type GqlEntity } from "./convert";
import { edgeLabel, type RelEdge } from "./model";
import { ENTITY } from "./queries";
import { table } from "./trace";
import { errorText, type App } from "./app";
import { EXPOSURE_METHODS, TIME_TREATMENT, hopCutLine } from "./exposureview";
import { compoundMap, type MapCompound } from "./compoundmap";

interface Link { ownerId: string; ownedId: string; type: string; share: number | null; owner: GqlEntity | null; owned: GqlEntity | null }
interface Owners { ultimateOwners: { effectiveShare: number | null; chains: number; entity: GqlEntity }[]; chains: { links: Link[] }[] }
interface Share { asset: string; amount: number; share: number | null }
interface Exposure {
  inflow: { asset: string; amount: number }[]; explanation: string; targetWalletIds: string[];
  method: string; maxHops: number; timeTreatment: string; hopCut: boolean; moreHops: number | null;
  partial: boolean; reason: string | null;
  categories: { category: string; directShare: number | null; indirectShare: number | null; direct: Share[]; indirect: Share[];
    directSources: GqlEntity[] }[];
}

const OWNERS = `query Owners($c: ID!) { owners(company: $c) {
  ultimateOwners { effectiveShare chains entity { ...E } }
  chains { links { ownerId ownedId type share owner { ...E } owned { ...E } } } } } ${ENTITY}`;
// Hops and method are sent only when chosen: the API's defaults answer the common case.
const EXPOSURE = `query Exposure($t: ID!, $hops: Int, $method: ExposureMethod) {
  exposure(target: $t, maxHops: $hops, method: $method) {
  inflow { asset amount } explanation targetWalletIds method maxHops timeTreatment hopCut moreHops partial reason
  categories { category directShare indirectShare direct { asset amount share } indirect { asset amount share }
    directSources { ...E } } } } ${ENTITY}`;

// Exposure shares are ratios (0..1); ownership shares are already percent.
export const pct = (x: number | null): string => (x === null ? "\u2014" : `${fmtAmount(Math.round(x * 10000) / 100)}%`);
export const percent = (x: number | null): string => (x === null ? "\u2014" : `${fmtAmount(x)}%`);

const COMPOUNDS = `query Compounds($id: ID!) { compounds(linkedTo: $id) {
  hops operatorIds compound { ...E ... on Compound { lat lon country } } operators { ...E } } } ${ENTITY}`;
type Located = GqlEntity & { lat?: number | null; lon?: number | null; country?: string | null };
interface Linked { hops: number; operatorIds: string[]; compound: Located; operators: GqlEntity[] }

export function initAnalysis(app: App): void {
  const panel = app.tabs.panel("Risk");
  const company = h("input", { id: "owners-company", placeholder: "company id" });
  const target = h("input", { id: "exposure-target", placeholder: "wallet or organisation id" });
  const hops = h("input", { id: "exposure-hops", type: "number", min: 1, max: 6, placeholder: "API default" });
  const method = h("select", { id: "exposure-method" }, h("option", { value: "" }, "API default"),
    ...EXPOSURE_METHODS.map((m) => h("option", { value: m }, m)));
  const ownersOut = h("div", { id: "owners-results" });
  const exposureOut = h("div", { id: "exposure-results" });
  const pick = (input: HTMLInputElement) => () => { input.value = app.canvas.selectedIds().at(-1) ?? input.value; };
  const ownersForm = h("form", { class: "stack", id: "owners-form" }, h("h2", {}, "Ultimate owners"),
    h("div", { class: "row" }, field("Company", company), h("button", { type: "button", onclick: pick(company) }, "Use selected")),
    h("button", { type: "submit", class: "primary", id: "owners-run" }, "Find owners"));
  const exposureForm = h("form", { class: "stack", id: "exposure-form" }, h("h2", {}, "Exposure"),
    h("div", { class: "row" }, field("Target", target), h("button", { type: "button", onclick: pick(target) }, "Use selected")),
    h("div", { class: "row" }, field("Hops", hops), field("Method", method)),
    h("button", { type: "submit", class: "primary", id: "exposure-run" }, "Measure exposure"));
  ownersForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void app.run("owners", () => owners(app, company.value.trim(), ownersOut));
  });
  exposureForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const vars = { t: target.value.trim(), hops: hops.value ? Number(hops.value) : undefined, method: method.value || undefined };
    void app.run("exposure", async () => {
      try {
        await exposure(app, vars, exposureOut, (n) => { hops.value = String(n); exposureForm.requestSubmit(); });
      } catch (err) {
        clear(exposureOut, h("p", { class: "bad", id: "exposure-error" }, `Refused: ${errorText(err)}`));
        throw err;
      }
    });
  });
  const linked = h("input", { id: "compounds-of", placeholder: "entity id" });
  const compoundsOut = h("div", { id: "compounds-results" });
  const compoundsForm = h("form", { class: "stack", id: "compounds-form" }, h("h2", {}, "Linked compounds"),
    h("div", { class: "row" }, field("Linked to", linked), h("button", { type: "button", onclick: pick(linked) }, "Use selected")),
    h("button", { type: "submit", class: "primary", id: "compounds-run" }, "Find compounds"));
  compoundsForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void app.run("compounds", () => compounds(app, linked.value.trim(), compoundsOut));
  });
  clear(panel, ownersForm, ownersOut, exposureForm, exposureOut, compoundsForm, compoundsOut);
}

async function owners(app: App, id: string, out: HTMLElement): Promise<void> {
  const o = (await gql<{ owners: Owners }>(OWNERS, { c: id })).owners;
  const links = o.chains.flatMap((c) => c.links);
  const nodes = links.flatMap((l) => [l.owner, l.owned]).filter((e): e is GqlEntity => !!e);
  const edges: RelEdge[] = links.map((l) => ({
    id: `${l.type}:${l.ownerId}>${l.ownedId}`, type: l.type, source: l.ownerId, target: l.ownedId, asset: null,
    amount: null, ts: null, label: edgeLabel(l.type, null, null, l.share === null ? "" : `${fmtAmount(l.share)}%`),
    provenance: null, props: { share: l.share },
  }));
  app.canvas.add({ nodes: [...o.ultimateOwners.map((u) => toNode(u.entity)), ...nodes.map(toNode)], edges });
  app.canvas.highlight([id, ...nodes.map((n) => n.id)], edges.map((e) => e.id));
  await app.canvas.layout();
  clear(out, table(["Owner", "Effective share", "Chains"], o.ultimateOwners.map((u) => ({
    id: u.entity.id, cells: [u.entity.name ?? u.entity.id, percent(u.effectiveShare), String(u.chains)],
    onPick: () => void app.focus(u.entity.id),
  })), "owners-list"));
}

async function exposure(app: App, vars: { t: string; hops?: number; method?: string }, out: HTMLElement,
  rerun: (hops: number) => void): Promise<void> {
  const id = vars.t;
  const x = (await gql<{ exposure: Exposure }>(EXPOSURE, vars)).exposure;
  if (!app.canvas.entity(id)) await app.focus(id);
  app.tabs.show("Risk");  // focus opened Details; the answer is here
  app.canvas.highlight([id, ...x.targetWalletIds], []);
  clear(out,
    h("p", { id: "exposure-inflow" }, "Inflow: ", x.inflow.map((a) => `${fmtAmount(a.amount)} ${a.asset}`).join("; ") || "none"),
    table(["Category", "Direct", "Indirect", "Direct senders"], x.categories.map((c) => ({
      id: c.category,
      cells: [c.category.toLowerCase(), pct(c.directShare), pct(c.indirectShare), senders(c.directSources)],
      // The evidence of a direct share: the risky wallets that paid the target, drawn beside it.
      onPick: () => void drawSenders(app, [id, ...x.targetWalletIds], c.directSources),
    })), "exposure-list"),
    h("p", { id: "exposure-method-used" }, `Method ${x.method}, ${x.maxHops} hops.`),
    h("p", { id: "exposure-time" }, `Time treatment: ${TIME_TREATMENT[x.timeTreatment] ?? x.timeTreatment}`),
    hopCutLine(x, rerun),
    x.partial ? h("p", { class: "bad", id: "exposure-partial" }, `Partial: ${x.reason ?? ""}`) : null,
    h("p", { class: "muted" }, x.explanation));
}

function senders(xs: GqlEntity[]): string {
  if (!xs.length) return "\u2014";
  const names = xs.slice(0, 3).map((e) => toNode(e).label).join(", ");  // short wallet labels
  return xs.length > 3 ? `${names} and ${xs.length - 3} more` : names;
}

async function drawSenders(app: App, targets: string[], xs: GqlEntity[]): Promise<void> {
  app.canvas.add({ nodes: xs.map(toNode), edges: [] });
  app.canvas.highlight([...targets, ...xs.map((e) => e.id)], []);
  await app.canvas.layout();
}

async function compounds(app: App, id: string, out: HTMLElement): Promise<void> {
  const xs = (await gql<{ compounds: Linked[] }>(COMPOUNDS, { id })).compounds;
  if (!app.canvas.entity(id)) await app.focus(id);
  app.tabs.show("Risk");  // focus opened Details; the answer is here
  await drawLinked(app, [id], xs);
  let asked: Promise<Map<string, string[]>> | null = null;
  const wallets = () => (asked ??= operatorWallets([...new Set(xs.flatMap((x) => x.operatorIds))]));
  const placed: MapCompound[] = xs.map((x) => ({
    id: x.compound.id, name: x.compound.name ?? x.compound.id, lat: x.compound.lat ?? null, lon: x.compound.lon ?? null,
    country: x.compound.country ?? null, operators: x.operators.map((o) => ({ id: o.id, name: o.name ?? o.id })),
    wallets: async () => {
      const by = await wallets();
      return [...new Set(x.operatorIds.flatMap((op) => by.get(op) ?? []))].sort();
    },
  }));
  clear(out, table(["Compound", "Hops", "Operators"], xs.map((x) => ({
    id: x.compound.id, cells: [x.compound.name ?? x.compound.id, String(x.hops), x.operators.map((o) => o.name ?? o.id).join(", ")],
    onPick: () => void app.focus(x.compound.id),
  })), "compounds-list"),
  xs.length ? compoundMap(placed, (c) => void app.run("compound", () => drawLinked(app, [id], xs.filter((x) => x.compound.id === c.id))))
    : null);
}

/** The compounds with their operators and OPERATES edges on the canvas, lit. */
async function drawLinked(app: App, extra: string[], xs: Linked[]): Promise<void> {
  const edges: RelEdge[] = xs.flatMap((x) => x.operatorIds.map((op) => ({
    id: `OPERATES:${op}>${x.compound.id}`, type: "OPERATES", source: op, target: x.compound.id, asset: null,
    amount: null, ts: null, label: "OPERATES", provenance: null, props: {},
  })));
  app.canvas.add({ nodes: xs.flatMap((x) => [x.compound, ...x.operators]).map(toNode), edges });
  app.canvas.highlight([...extra, ...xs.flatMap((x) => [x.compound.id, ...x.operatorIds])], edges.map((e) => e.id));
  await app.canvas.layout();
}

/** Each operator's wallets (its group's, subsidiaries included), in one request. */
async function operatorWallets(ops: string[]): Promise<Map<string, string[]>> {
  if (!ops.length) return new Map();
  const vars = Object.fromEntries(ops.map((op, i) => [`o${i}`, op]));
  const doc = `query Wallets(${ops.map((_, i) => `$o${i}: ID!`).join(", ")}) {
    ${ops.map((_, i) => `g${i}: group(id: $o${i}) { wallets }`).join("\n")} }`;
  const d = await gql<Record<string, { wallets: string[] }>>(doc, vars);
  return new Map(ops.map((op, i) => [op, d[`g${i}`]?.wallets ?? []]));
}
