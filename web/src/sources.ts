// The "Sources" tab: how fresh each source is and the latest ingest runs (operators' view).
import { gql } from "./api";
import { clear, fmtTime, h } from "./dom";
import type { App } from "./app";

const DOC = `query Sources {
  sourceFreshness { source { id name format } lastSuccessAt lastRunAt lastStatus ageSeconds }
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
    const d = await gql<{ sourceFreshness: Fresh[]; ingestRuns: { edges: { node: Run }[] } }>(DOC);
    clear(panel,
      h("h2", {}, "Source freshness"),
      grid(["Source", "Last success", "Age", "Status"], d.sourceFreshness.map((f) => [
        f.source.name ?? f.source.id, fmtTime(f.lastSuccessAt) || "never", age(f.ageSeconds), f.lastStatus ?? "—"]), "sources-fresh"),
      h("h3", {}, "Ingest runs"),
      grid(["Source", "Started", "Status", "Read/written/quar."], d.ingestRuns.edges.map(({ node: r }) => [
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
