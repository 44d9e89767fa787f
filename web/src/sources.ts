// The "Sources" tab: how fresh each source is (any reader) and, for operators, the latest
// ingest runs (a reader asking for them would get FORBIDDEN and see nothing at all).
import { allows, gql } from "./api";
import { clear, fmtTime, h } from "./dom";
import type { App } from "./app";

const FRESH = `query Freshness {
  sourceFreshness { source { id name format } lastSuccessAt lastRunAt lastStatus ageSeconds }
}`;
const RUNS = `query Runs {
  ingestRuns(first: 15) { edges { node { id sourceId status startedAt read written quarantined error } } }
}`;

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
    clear(panel,
      h("h2", {}, "Source freshness"),
      grid(["Source", "Last success", "Age", "Status"], d.sourceFreshness.map((f) => [
        f.source.name ?? f.source.id, fmtTime(f.lastSuccessAt) || "never", age(f.ageSeconds), f.lastStatus ?? "\u2014"]), "sources-fresh"),
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
