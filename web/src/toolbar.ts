// Canvas tools (expand by relationship type, collapse, pin, remove, re-layout, fit) and their keys.
import { byId, h } from "./dom";
import * as Q from "./queries";
import { initHelp } from "./help";
import type { App } from "./app";

export const REL_TYPES = [
  "TRANSFER", "CONTROLLED_BY", "DEPOSIT_ADDRESS_OF", "OWNS", "DIRECTOR_OF", "SUBSIDIARY_OF",
  "OPERATES", "ASSOCIATE_OF", "FAMILY_OF", "LINKED_TO", "PAID", "SANCTIONED_BY",
];

export async function expand(app: App, id: string, relTypes: string[]): Promise<void> {
  const nb = await Q.neighbourhood(id, relTypes);
  const fresh = app.canvas.add(nb, id);
  app.status(`${fresh.length} new neighbour(s) of ${app.canvas.entity(id)?.label ?? id}`
    + (nb.partial ? ` (partial: ${nb.reason ?? "limit reached"})` : ""));
  if (fresh.length) await app.canvas.layout();
}

export function initToolbar(app: App, shortcuts: Record<string, () => void>): void {
  const rel = byId<HTMLSelectElement>("expand-rel");
  const help = initHelp();
  rel.append(h("option", { value: "" }, "all relationships"), ...REL_TYPES.map((t) => h("option", { value: t }, t)));
  const selected = () => app.canvas.selectedIds();
  const need = (fn: (ids: string[]) => Promise<void> | void) => () => {
    const ids = selected();
    if (!ids.length) return app.status("select a node first", true);
    void app.run("tool", async () => fn(ids));
  };
  const actions: Record<string, () => void> = {
    expand: need(async (ids) => { for (const id of ids) await expand(app, id, rel.value ? [rel.value] : []); }),
    collapse: need((ids) => app.status(`${ids.reduce((n, id) => n + app.canvas.collapse(id), 0)} node(s) collapsed`)),
    pin: need((ids) => app.status(ids.map((id) => app.canvas.togglePin(id)).every(Boolean) ? "pinned" : "unpinned")),
    remove: need((ids) => app.canvas.remove(ids)),
    layout: () => void app.canvas.layout(true),
    fit: () => app.canvas.cy.fit(undefined, 40),
    clear: () => app.canvas.clear(),
    undo: () => app.status(app.canvas.history.undo() ? "undone" : "nothing to undo"),
    redo: () => app.status(app.canvas.history.redo() ? "redone" : "nothing to redo"),
    help: () => help.toggle(),
  };
  for (const [name, fn] of Object.entries(actions)) byId(`btn-${name}`).addEventListener("click", fn);
  const mode = byId<HTMLSelectElement>("layout-mode");
  const setMode = () => {
    app.canvas.mode = mode.value === "flow" ? "flow" : "force";
    void app.canvas.layout();
  };
  mode.addEventListener("change", setMode);
  const toggleMode = () => {
    mode.value = mode.value === "flow" ? "force" : "flow";
    setMode();
  };
  app.canvas.cy.on("dbltap", "node[!group]", (ev) => void app.run("expand", () => expand(app, ev.target.id(), [])));
  // On an organisation group, a double tap collapses or opens it.
  app.canvas.cy.on("dbltap", "node[?group]", (ev) => void app.canvas.toggleGroup(ev.target.id()));
  const grouping = byId<HTMLInputElement>("group-orgs");
  grouping.addEventListener("change", () => void app.run("group", () => app.canvas.group(grouping.checked)));
  const keys: Record<string, () => void> = {
    e: actions.expand, c: actions.collapse, p: actions.pin, l: actions.layout, f: actions.fit,
    Delete: actions.remove, "/": () => byId("search-input").focus(), ...shortcuts,
    o: toggleMode, u: actions.undo, U: actions.redo, "?": actions.help, Escape: help.close, n: () => void app.canvas.step(1), N: () => void app.canvas.step(-1),
  };
  document.addEventListener("keydown", (ev) => {
    const t = ev.target as HTMLElement;
    const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(t.tagName);
    if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === "z" && !typing) {
      ev.preventDefault();
      return void (ev.shiftKey ? actions.redo() : actions.undo());
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ["INPUT", "SELECT", "TEXTAREA"].includes(t.tagName)) return;
    const fn = keys[ev.key];
    if (fn) {
      ev.preventDefault();
      fn();
    }
  });
}
