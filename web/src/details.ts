// Side panel "Details": the selected entity (or relationship) with aliases, sanctions, provenance.
import { clear, fmtAmount, fmtTime, h } from "./dom";
import { toggleBundle, type Bundle } from "./bundles";
import { KIND_COLOURS } from "./cystyle";
import type { ClusterInfo, EntityNode, Provenance, RelEdge } from "./model";
import * as Q from "./queries";
import type { App } from "./app";
import { drawMember } from "./sameas";

const SKIP = new Set(["id", "name", "aliases", "sources", "first_seen", "last_seen", "confidence", "kinds",
  "cluster_id", "cluster_members", "cluster_sources"]);

export function initDetails(app: App): void {
  const panel = app.tabs.panel("Details");
  const empty = () => clear(panel, h("p", { class: "muted" }, "Search for an entity or click a node to see its details."));
  empty();
  app.canvas.onSelect((ids) => {
    const last = ids.length ? app.canvas.cy.getElementById(ids[ids.length - 1]) : null;
    if (last?.data("group")) {
      clear(panel, ...groupView(app, last.id()));
      return app.tabs.show("Details");
    }
    const n = ids.length ? app.canvas.entity(ids[ids.length - 1]) : null;
    if (n) clear(panel, ...entityView(app, n));
  });
  app.canvas.cy.on("tap", "edge", (ev) => {
    const bundle = ev.target.data("bundle") ? (ev.target.data() as Bundle) : null;
    clear(panel, ...(bundle ? bundleView(app, bundle) : edgeView(ev.target.data("rel") as RelEdge)));
    app.tabs.show("Details");
  });
  app.canvas.cy.on("tap", (ev) => {
    if (ev.target === app.canvas.cy) empty();
  });
}

function entityView(app: App, n: EntityNode): HTMLElement[] {
  const type = n.kinds.length ? n.kinds.join(", ") : n.typename;
  const out: HTMLElement[] = [
    h("h2", { id: "details-title" }, n.kind === "wallet" ? String(n.props.display ?? n.label) : n.name ?? n.id),
    h("p", {}, h("span", { class: "badge", style: `background:${KIND_COLOURS[n.kind]}` }, type), " ",
      n.sanctions.length ? h("span", { class: "badge sanctioned" }, "sanctioned") : null),
    props([["id", n.id], ...Object.entries(n.props).filter(([k]) => !SKIP.has(k)).map(([k, v]) => [k, show(v)] as [string, string])]),
  ];
  if (n.aliases.length) out.push(h("h3", {}, "Aliases"), h("ul", { class: "plain", id: "details-aliases" }, ...n.aliases.map((a) => h("li", {}, a))));
  if (n.sanctions.length) {
    out.push(h("h3", {}, "Sanctions"), h("ul", { class: "plain", id: "details-sanctions" }, ...n.sanctions.map((s) =>
      h("li", {}, `${s.authority ?? "?"} ${s.program ?? ""} ${s.listingId ? `#${s.listingId}` : ""} ${s.listedOn ? `(listed ${s.listedOn})` : ""}`))));
  }
  if (n.cluster) out.push(...clusterView(app, n.cluster, n.id));
  out.push(...provenanceView(n.provenance));
  return out;
}

/** An organisation group: its members, and collapse (one node, summed edges) or expand. */
function groupView(app: App, gid: string): HTMLElement[] {
  const g = app.canvas.cy.getElementById(gid);
  const members = g.children().map((n) => h("li", { "data-id": n.id() },
    h("button", { type: "button", class: "link", onclick: () => app.focus(n.id()) }, String(n.data("label")))));
  const toggle = h("button", { type: "button", id: "group-toggle" }, g.data("collapsed") ? "Expand group" : "Collapse group");
  toggle.addEventListener("click", () => {
    toggle.textContent = app.canvas.toggleGroup(gid) ? "Expand group" : "Collapse group";
  });
  return [h("h2", { id: "details-title" }, String(g.data("label"))),
    h("p", { class: "muted" }, "Organisation group: the organisation and the wallets attributed to it on the canvas."),
    toggle, h("h3", {}, "Members"), h("ul", { class: "plain", id: "group-members" }, ...members)];
}

/** A resolved cluster: every member record (a click draws it beside this node, joined by
 * SAME_AS) with its own sources, then all. */
function clusterView(app: App, c: ClusterInfo, self: string): HTMLElement[] {
  const items = c.members.map((id) => h("li", { "data-id": id },
    h("button", { type: "button", class: "link", "data-id": id, title: id === self ? "shown" : "draw beside it, joined by SAME_AS",
      onclick: () => void app.run("cluster member", () => drawMember(app, c, self, id)) }, id),
    id === c.id ? h("span", { class: "muted" }, " canonical") : null,
    id === self ? h("span", { class: "muted" }, " (shown)") : null,
    h("span", { class: "member-sources muted" })));
  // Each member's own sources come with one more request; the union is already here.
  void Q.clusterMembers(self).then((members) => {
    for (const m of members) {
      const li = items.find((x) => x.dataset.id === m.id);
      const slot = li?.querySelector(".member-sources");
      if (slot) slot.textContent = ` \u2014 ${m.sources.join(", ") || "no source"}`;
    }
  }).catch((err: unknown) => app.status(`cluster members: ${String(err)}`, true));
  return [h("h3", { id: "details-cluster-title" }, `Resolved: ${c.members.length} records`),
    h("ul", { class: "plain", id: "details-cluster" }, ...items),
    props([["all sources", c.sources.join(", ") || "\u2014"]], "details-cluster-sources")];
}

function edgeView(e: RelEdge): HTMLElement[] {
  const rows: [string, string][] = [["type", e.type], ["from", e.source], ["to", e.target]];
  for (const [k, v] of Object.entries(e.props)) if (!SKIP.has(k)) rows.push([k, show(v)]);
  return [h("h2", {}, e.label), props(rows), ...provenanceView(e.provenance)];
}

function bundleView(app: App, b: Bundle): HTMLElement[] {
  const label = (id: string) => app.canvas.entity(id)?.label ?? id;
  return [h("h2", { id: "details-title" }, `${b.count} transfers`),
    props([["from", label(b.source)], ["to", label(b.target)],
      ...b.sums.map((s) => [`sum ${s.asset}`, fmtAmount(s.amount)] as [string, string]),
      ["first", fmtTime(b.first) || "\u2014"], ["last", fmtTime(b.last) || "\u2014"]], "details-bundle"),
    h("button", { type: "button", id: "bundle-expand", onclick: () => toggleBundle(app.canvas.cy, b.id) },
      "Show the individual transfers")];
}

function provenanceView(p: Provenance | null): HTMLElement[] {
  if (!p) return [];
  return [h("h3", {}, "Provenance"), props([
    ["sources", p.sources.join(", ") || "—"], ["first seen", fmtTime(p.firstSeen) || "—"],
    ["last seen", fmtTime(p.lastSeen) || "—"], ["confidence", p.confidence === null ? "—" : String(p.confidence)],
  ], "details-provenance")];
}

function props(rows: [string, string][], id?: string): HTMLElement {
  const dl = h("dl", { class: "props", id });
  for (const [k, v] of rows) dl.append(h("dt", {}, k), h("dd", {}, v));
  return dl;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (Array.isArray(v)) return v.map(show).join(", ");
  if (typeof v === "object") return JSON.stringify(v);
  return typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v) ? fmtTime(v) : String(v);
}
