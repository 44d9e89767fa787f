// The "Typologies" tab: pick a named laundering pattern from the API's catalogue, set its
// parameters (defaults and limits from the catalogue), scope it to a wallet, an organisation
// or a time window, list the hits and draw a hit's evidence (wallets, transfers) on the canvas.
import { gql } from "./api";
import { clear, field, fmtAmount, fmtTime, h } from "./dom";
import { toNode, type GqlEntity, type GqlTransfer } from "./convert";
import { ENTITY, TRANSFER, evidenceGraph } from "./queries";
import { attachControllers } from "./controllers";
import { errorText, type App } from "./app";
import { table } from "./trace";
import { paramInputs, readParams, type Param } from "./typologyparams";
import { exactAmount } from "./tracevalue";

interface Info { name: string; description: string; score: string; parameters: Param[] }
type Hop = GqlTransfer & { from: GqlEntity | null; to: GqlEntity | null };
interface Hit {
  key: string; score: number; anchorId: string; walletIds: string[]; transfers: Hop[];
  // amountRaw/decimals: the hit's exact total in base units (null when the API cannot know it).
  amounts: { asset: string; amount: number; transfers: number; amountRaw: string | null; decimals: number | null }[];
  organisations: { id: string; name: string | null; groupId: string; groupName: string | null }[];
  new: boolean; firstSeen: string | null; wallets: GqlEntity[];
}
interface Page {
  typology: string; params: Record<string, unknown>; hits: Hit[]; total: number; partial: boolean;
  reason: string | null; pageInfo: { endCursor: string | null; hasNextPage: boolean };
}
interface Scope { wallet?: string; organisation?: string; since?: string; until?: string }

const CATALOGUE = `query Typologies { typologies { name description score
  parameters { name kind default min max description } } }`;
const HITS = `query Hits($name: String!, $params: JSON, $scope: TypologyScopeInput, $after: String) {
  typologyHits(name: $name, params: $params, scope: $scope, first: 20, after: $after) {
    typology params total partial reason pageInfo { endCursor hasNextPage }
    hits { key score anchorId walletIds new firstSeen amounts { asset amount transfers amountRaw decimals }
      organisations { id name groupId groupName } transfers { ...T } wallets { ...E } } } } ${ENTITY} ${TRANSFER}`;
// What a whole-graph scan defaults to when the canvas tells us where the data ends.
const DEFAULT_DAYS = 30;
const DAY = 86_400_000;

export function initTypologies(app: App): () => Promise<void> {
  const panel = app.tabs.panel("Typologies");
  const pick = h("select", { id: "typology-name" });
  const about = h("p", { class: "muted", id: "typology-about" });
  const params = h("div", { class: "stack", id: "typology-params" });
  const entity = h("input", { id: "typology-entity", placeholder: "wallet or organisation id (empty: whole graph)" });
  const since = h("input", { id: "typology-since", type: "date" });
  const until = h("input", { id: "typology-until", type: "date" });
  const note = h("p", { class: "muted", id: "typology-window" });
  const out = h("div", { id: "typology-results" });
  let catalogue: Info[] = [];
  const chosen = () => catalogue.find((t) => t.name === pick.value);
  const showChosen = () => {
    const t = chosen();
    if (!t) return;
    clear(about, t.description, h("br"), `Score: ${t.score}`);
    clear(params, ...paramInputs(t.parameters));
  };
  pick.addEventListener("change", showChosen);
  const load = async () => {
    if (catalogue.length) return;
    catalogue = (await gql<{ typologies: Info[] }>(CATALOGUE)).typologies;
    clear(pick, ...catalogue.map((t) => h("option", { value: t.name }, t.name)));
    showChosen();
  };
  const useSelected = () => { entity.value = app.canvas.selectedIds().at(-1) ?? entity.value; };
  const form = h("form", { class: "stack", id: "typology-form" }, h("h2", {}, "Typologies"),
    field("Typology", pick), about, params,
    h("div", { class: "row" }, field("Scope", entity), h("button", { type: "button", onclick: useSelected }, "Use selected")),
    h("div", { class: "row" }, field("Since", since), field("Until", until)), note,
    h("button", { type: "submit", class: "primary", id: "typology-run" }, "Find hits"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void app.run("typologies", async () => {
      try {
        await load();
        const t = chosen();
        if (!t) throw new Error("the API lists no typology");
        const scope = await scopeOf(app, entity.value.trim(), since, until, note);
        if (!scope) return void clear(out, h("p", { class: "bad", id: "typology-error" }, note.textContent));
        clear(out, h("p", { class: "muted" }, "Scanning\u2026"));
        await run(app, out, { name: t.name, params: readParams(t.parameters, params), scope }, null);
      } catch (err) {
        // The API's (or the form's) own words in the panel, not only in the status line.
        clear(out, h("p", { class: "bad", id: "typology-error" }, `Refused: ${errorText(err)}`));
        throw err;
      }
    });
  });
  clear(panel, form, out);
  return () => app.run("typologies", load);
}

/** The scope: an entity (wallet or organisation, asked of the API), or a window. A whole-graph
 * scan needs a window; without one, the last DEFAULT_DAYS days of the transfers on the canvas. */
async function scopeOf(app: App, id: string, since: HTMLInputElement, until: HTMLInputElement,
  note: HTMLElement): Promise<Scope | null> {
  const scope: Scope = {};
  if (id) {
    const e = (await gql<{ entity: GqlEntity | null }>(`query($id: ID!) { entity(id: $id) { __typename id } }`, { id })).entity;
    if (!e) throw new Error(`no entity ${id}`);
    if (e.__typename === "Wallet") scope.wallet = id;
    else scope.organisation = id;
  }
  if (!id && (!since.value || !until.value)) {
    const times = app.canvas.transferTimes();
    if (!times.length) {
      note.textContent = "A scan over the whole graph needs a time window: set Since and Until "
        + "(at most 92 days), or scope to a wallet or organisation.";
      return null;
    }
    const last = times[times.length - 1].slice(0, 10);
    until.value ||= last;
    since.value ||= new Date(Date.parse(`${until.value}T00:00:00Z`) - DEFAULT_DAYS * DAY).toISOString().slice(0, 10);
    note.textContent = `Window defaulted to the ${DEFAULT_DAYS} days up to the last transfer on the canvas.`;
  } else note.textContent = "";
  if (since.value) scope.since = `${since.value}T00:00:00Z`;
  if (until.value) scope.until = `${until.value}T23:59:59Z`;
  return scope;
}

async function run(app: App, out: HTMLElement, vars: Record<string, unknown>, after: string | null,
  earlier: Hit[] = []): Promise<void> {
  const p = (await gql<{ typologyHits: Page }>(HITS, { ...vars, after })).typologyHits;
  const hits = [...earlier, ...p.hits];
  const more = p.pageInfo.hasNextPage
    ? h("button", { type: "button", id: "typology-more", onclick: () => void app.run("typologies", () => run(app, out, vars, p.pageInfo.endCursor, hits)) }, "More hits")
    : null;
  clear(out,
    h("p", { id: "typology-summary" }, `${hits.length} of ${p.total} hits of ${p.typology}.`,
      p.partial ? h("strong", { class: "bad", id: "typology-partial" }, ` Partial: ${p.reason ?? "a budget cut it short"}`) : null),
    table(["Key", "Score", "Amounts", "Organisations", "Seen"], hits.map((x) => ({
      id: x.key, onPick: () => void app.run("evidence", () => draw(app, x)),
      cells: [x.key, fmtAmount(x.score), amountsCell(x.amounts),
        x.organisations.map((o) => (o.groupId !== o.id ? `${o.name ?? o.id} (${o.groupName ?? o.groupId})` : o.name ?? o.id)).join(", ") || "\u2014",
        x.new ? "new" : fmtTime(x.firstSeen)],
    })), "typology-hits"),
    more,
    h("p", { class: "muted", id: "typology-params-used" }, `Parameters used: ${JSON.stringify(p.params)}`));
}

/** The hit's totals, one per asset, written as the Flows panel writes its sums (exactAmount);
 * each carries the API's base units in data-raw. */
function amountsCell(xs: Hit["amounts"]): HTMLElement {
  const parts = xs.flatMap((a, i) => [i ? "; " : "", h("span", { class: "typology-amount", "data-asset": a.asset,
    "data-raw": a.amountRaw ?? "", "data-decimals": a.decimals ?? "" }, `${exactAmount(a)} ${a.asset}`)]);
  return h("span", {}, ...parts);
}

async function draw(app: App, x: Hit): Promise<void> {
  const g = evidenceGraph(x.transfers);
  app.canvas.add({ nodes: x.wallets.map(toNode), edges: [] });
  app.canvas.add(g);
  await attachControllers(app, x.walletIds);
  app.canvas.highlight([...x.walletIds, ...x.organisations.map((o) => o.id)], x.transfers.map((t) => t.id));
  await app.canvas.layout();
  app.tabs.show("Typologies");
  app.status(`hit ${x.key}: ${x.walletIds.length} wallets, ${x.transfers.length} transfers`);
}
