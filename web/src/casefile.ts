// The "Case" tab: save the investigation on the server (analyst role) and reopen it by link
// (#/investigation/<id>); export PNG, SVG, CSV and JSON; import a JSON file.
import { gql } from "./api";
import { clear, download, field, h } from "./dom";
import { exportCsv, exportPng, exportSvg } from "./exporter";
import { frameOf } from "./exportframe";
import { restoreSnapshot, takeSnapshot, type Snapshot } from "./snapshot";
import type { App } from "./app";
import type { TimeFilter } from "./timefilter";

const SAVE = `mutation Save($name: String!, $data: JSON!) { saveInvestigation(name: $name, data: $data) { id name createdAt } }`;
const LOAD = `query Load($id: ID!) { investigation(id: $id) { id name createdAt createdBy data } }`;

export interface CaseFile {
  open(id: string): Promise<void>;
}

export function initCase(app: App, time: TimeFilter): CaseFile {
  const panel = app.tabs.panel("Case");
  const name = h("input", { id: "case-name", value: "investigation" });
  const link = h("p", { id: "case-link", class: "muted" });
  const fileName = () => name.value.trim().replace(/[^\w.-]+/g, "_") || "investigation";
  const frame = () => frameOf(name.value.trim(), time.window());
  const snap = () => takeSnapshot(app.canvas, name.value.trim() || "investigation", time.window());
  const save = () => app.run("save", async () => {
    const d = await gql<{ saveInvestigation: { id: string } }>(SAVE, { name: snap().name, data: snap() });
    const id = d.saveInvestigation.id;
    history.replaceState(null, "", `#/investigation/${encodeURIComponent(id)}`);
    showLink(link, id);
    app.status(`saved as investigation ${id}`);
  });
  const importFile = h("input", { id: "case-import", type: "file", accept: "application/json,.json" });
  importFile.addEventListener("change", () => app.run("import", async () => {
    const f = importFile.files?.[0];
    if (!f) return;
    const s = JSON.parse(await f.text()) as Snapshot;
    restoreSnapshot(app.canvas, s);
    time.setWindow(...s.timeWindow);
    name.value = s.name;
  }));
  clear(panel,
    h("h2", {}, "Investigation"),
    field("Name", name),
    h("div", { class: "row" }, h("button", { type: "button", class: "primary", id: "case-save", onclick: save }, "Save on server")),
    link,
    h("h3", {}, "Export"),
    h("div", { class: "row" },
      h("button", { type: "button", id: "export-png", onclick: () =>
        app.run("export PNG", () => exportPng(app.canvas, fileName(), frame())) }, "PNG"),
      h("button", { type: "button", id: "export-svg", onclick: () => exportSvg(app.canvas, fileName(), frame()) }, "SVG"),
      h("button", { type: "button", id: "export-csv", onclick: () => exportCsv(app.canvas, fileName()) }, "CSV (visible)"),
      h("button", { type: "button", id: "export-json", onclick: () =>
        download(`${fileName()}.json`, "application/json", JSON.stringify(snap(), null, 2)) }, "JSON")),
    h("h3", {}, "Import"),
    field("Investigation JSON file", importFile));
  return {
    open: (id) => app.run("open investigation", async () => {
      const d = await gql<{ investigation: { id: string; name: string; data: Snapshot } | null }>(LOAD, { id });
      if (!d.investigation) throw new Error(`no investigation ${id}`);
      restoreSnapshot(app.canvas, d.investigation.data);
      time.setWindow(...d.investigation.data.timeWindow);
      name.value = d.investigation.name;
      showLink(link, id);
      app.status(`opened investigation \u201c${d.investigation.name}\u201d`);
    }),
  };
}

function showLink(el: HTMLElement, id: string): void {
  const href = `${location.origin}${location.pathname}#/investigation/${encodeURIComponent(id)}`;
  clear(el, "Link: ", h("a", { href, id: "case-href" }, href));
}
