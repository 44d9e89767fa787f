// Path finder: the k shortest distinct routes between two entities, across ownership,
// control, attribution and transfers; each route can be lit on the canvas. Parallel transfers
// make the API return one route many times (one path per transfer), so paths are merged by
// their entity sequence and each route says how many transfers it carries.
import { clear, field, h } from "./dom";
import * as Q from "./queries";
import { table } from "./trace";
import type { App } from "./app";
import type { SubgraphData } from "./model";

// The API's cap on k (graph/investigate/limits.py MAX_K): asked for in full so that k
// distinct routes survive the merging of parallel transfers.
const API_MAX_K = 20;

export interface Route { nodes: SubgraphData["nodes"]; edgeIds: string[]; transfers: number; hops: number }

export function distinctRoutes(paths: SubgraphData[], k: number): Route[] {
  const byKey = new Map<string, Route>();
  for (const p of paths) {
    const key = p.nodes.map((n) => n.id).join(">");
    const r = byKey.get(key) ?? { nodes: p.nodes, edgeIds: [], transfers: 0, hops: p.edges.length };
    for (const e of p.edges) {
      if (r.edgeIds.includes(e.id)) continue;
      r.edgeIds.push(e.id);
      if (e.type === "TRANSFER") r.transfers += 1;
    }
    byKey.set(key, r);
  }
  return [...byKey.values()].slice(0, k);
}

export function initPaths(app: App): { useSelected(): void } {
  const panel = app.tabs.panel("Paths");
  const from = h("input", { id: "path-from", placeholder: "entity id" });
  const to = h("input", { id: "path-to", placeholder: "entity id" });
  const maxLength = h("input", { id: "path-max", type: "number", min: 1, max: 8, value: 4 });
  const k = h("input", { id: "path-k", type: "number", min: 1, max: 10, value: 3 });
  const out = h("div", { id: "path-results" });
  const useSelected = () => {
    const ids = app.canvas.selectedIds();
    if (ids.length >= 2) [from.value, to.value] = [ids[ids.length - 2], ids[ids.length - 1]];
    else if (ids.length === 1) (from.value ? to : from).value = ids[0];
    app.tabs.show("Paths");
    from.focus();
  };
  const form = h("form", { class: "stack", id: "path-form" },
    h("h2", {}, "Find paths"),
    h("p", { class: "muted" }, "Select two nodes (shift-click) and press \u201cUse selected\u201d, or paste ids."),
    field("From", from), field("To", to),
    h("div", { class: "row" }, field("Max length", maxLength), field("Paths (k)", k)),
    h("div", { class: "row" }, h("button", { type: "button", onclick: useSelected }, "Use selected"),
      h("button", { type: "submit", class: "primary", id: "path-run" }, "Find paths")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void app.run("paths", async () => {
      const ans = await Q.paths(from.value.trim(), to.value.trim(), Number(maxLength.value), API_MAX_K);
      for (const p of ans.paths) app.canvas.add(p);
      const routes = distinctRoutes(ans.paths, Number(k.value));
      const lightAll = () => app.canvas.highlight(routes.flatMap((r) => r.nodes.map((n) => n.id)),
        routes.flatMap((r) => r.edgeIds));
      lightAll();
      await app.canvas.layout();
      clear(out,
        h("p", { id: "path-summary" }, `${routes.length} distinct route(s).`, ans.partial ? h("strong", { class: "bad" }, ` Partial: ${ans.reason ?? ""}`) : null),
        table(["Route", "Hops", "Transfers"], routes.map((r, i) => ({
          id: String(i), cells: [r.nodes.map((n) => n.label).join(" \u2192 "), String(r.hops), String(r.transfers)],
          onPick: () => app.canvas.highlight(r.nodes.map((n) => n.id), r.edgeIds),
        })), "path-list"),
        h("button", { type: "button", onclick: lightAll }, "Highlight all"));
    });
  });
  clear(panel, form, out);
  return { useSelected };
}
