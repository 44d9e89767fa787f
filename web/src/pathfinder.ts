// Path finder: the k shortest connections between two entities, across ownership, control,
// attribution and transfers; each path can be lit on the canvas.
import { clear, field, h } from "./dom";
import * as Q from "./queries";
import { table } from "./trace";
import type { App } from "./app";

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
      const ans = await Q.paths(from.value.trim(), to.value.trim(), Number(maxLength.value), Number(k.value));
      for (const p of ans.paths) app.canvas.add(p);
      const lightAll = () => app.canvas.highlight(ans.paths.flatMap((p) => p.nodes.map((n) => n.id)),
        ans.paths.flatMap((p) => p.edges.map((e) => e.id)));
      lightAll();
      await app.canvas.layout();
      clear(out,
        h("p", { id: "path-summary" }, `${ans.paths.length} path(s).`, ans.partial ? h("strong", { class: "bad" }, ` Partial: ${ans.reason ?? ""}`) : null),
        table(["Path", "Hops"], ans.paths.map((p, i) => ({
          id: String(i), cells: [p.nodes.map((n) => n.label).join(" \u2192 "), String(p.edges.length)],
          onPick: () => app.canvas.highlight(p.nodes.map((n) => n.id), p.edges.map((e) => e.id)),
        })), "path-list"),
        h("button", { type: "button", onclick: lightAll }, "Highlight all"));
    });
  });
  clear(panel, form, out);
  return { useSelected };
}
