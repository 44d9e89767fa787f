// The "Sources" tab: how fresh each source is (any reader), what each source's last run
// changed (the change log: added, updated old -> new, unasserted, retracted...) and, for
// operators, the latest ingest runs (a reader asking for them would get FORBIDDEN).
import { allows, gql } from "./api";
import { clear, fmtTime, h } from "./dom";
import type { App } from "./app";

const FRESH = `query Freshness {
  sourceFreshness { source { id name format } lastSuccessAt lastRunAt lastStatus ageSeconds }
}`;
const RUNS = `query Runs {
  ingestRuns(first: 15) { edges { node { id sourceId status startedAt read written quarantined error } } }
}`;

// One source's changes since the start of its last run (a change's `at` is its run's start).
const CHANGES = `query Changes($s: String!, $since: DateTime!) {
  changes(sourceId: $s, since: $since, first: 20) { edges { node { kind entity label field end before after } }
    pageInfo { hasNextPage } } }`;
interface Change {
  kind: string; entity: string; label: string | null; field: string | null; end: string | null;
  before: unknown; after: unknown;
}
interface Changes { changes: { edges: { node: Change }[]; pageInfo: { hasNextPage: boolean } } }

interface Fresh {
  source: { id: string; name: string | null; format: string | null };
  lastSuccessAt: string | null; lastRunAt: string | null; lastStatus: string | null; ageSeconds: number | null;
}
interface Run {
  id: string; sourceId: string | null; status: string | null; startedAt: string | null;
  read: number | null; written: number | null; quarantined: number | null; error: string | null;
}

export function initSources(app: App): () => Promise<void> {
  const panel = app.tabs.panel("Sources");
  const load = () => app.run("sources", async () => {
    const d = await gql<{ sourceFreshness: Fresh[] }>(FRESH);
    const runs = allows("operator") ? (await gql<{ ingestRuns: { edges: { node: Run }[] } }>(RUNS)).ingestRuns.edges : null;
    const changed = await Promise.all(d.sourceFreshness.map((f) => f.lastRunAt
      ? gql<Changes>(CHANGES, { s: f.source.id, since: f.lastRunAt }).then((c) => c.changes)
      : Promise.resolve(null)));
    clear(panel,
      h("h2", {}, "Source freshness"),
      grid(["Source", "Last success", "Age", "Status"], d.sourceFreshness.map((f) => [
        f.source.name ?? f.source.id, fmtTime(f.lastSuccessAt) || "never", age(f.ageSeconds), f.lastStatus ?? "\u2014"]), "sources-fresh"),
      h("h3", {}, "What the last run changed"),
      h("div", { id: "sources-changes" }, ...d.sourceFreshness.map((f, i) => lastChanges(f, changed[i]))),
      h("h3", {}, "Ingest runs"),
      runs === null
        ? h("p", { class: "muted", id: "sources-runs" }, "Ingest runs are shown to operators.")
        : grid(["Source", "Started", "Status", "Read/written/quar."], runs.map(({ node: r }) => [
          r.sourceId ?? "?", fmtTime(r.startedAt), r.status ?? "?", `${r.read ?? 0}/${r.written ?? 0}/${r.quarantined ?? 0}`]), "sources-runs"),
      h("button", { type: "button", onclick: () => void load() }, "Refresh"));
  });
  clear(panel, h("p", { class: "muted" }, "Loading\u2026"));
  return load;
}

// A source's last-run changes as a list; a first load records none per entity (all is new).
function lastChanges(f: Fresh, c: Changes["changes"] | null): HTMLElement {
  const name = f.source.name ?? f.source.id;
  const items = c?.edges.map(({ node }) => h("li", { class: "change" }, describe(node))) ?? [];
  const more = c?.pageInfo.hasNextPage ? [h("li", { class: "muted" }, "more: scamgraph changes --source " + f.source.id)] : [];
  return h("details", { class: "source-changes", "data-source": f.source.id, open: items.length > 0 },
    h("summary", {}, `${name}: ${items.length ? `${items.length}${more.length ? "+" : ""} change(s)` : "no change recorded"}`),
    h("ul", {}, ...items, ...more));
}

function describe(c: Change): string {
  const what = c.label ? `${c.entity} (${c.label})` : c.entity;
  const field = c.field ? ` ${c.field}` : "";
  const end = c.end ? ` \u2192 ${c.end}` : "";
  const values = c.kind === "updated" ? `: ${show(c.before)} \u2192 ${show(c.after)}` : "";
  return `${c.kind} ${what}${field}${end}${values}`;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return "\u2014";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function age(s: number | null): string {
  if (s === null) return "—";
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}

function grid(head: string[], rows: string[][], id: string): HTMLElement {
  if (!rows.length) return h("p", { class: "muted", id }, "None yet.");
  return h("table", { class: "list", id }, h("thead", {}, h("tr", {}, ...head.map((x) => h("th", {}, x)))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c))))));
}
