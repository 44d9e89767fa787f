// Wallets grouped under their controlling organisation: with grouping on, each organisation on
// the canvas that a drawn CONTROLLED_BY or DEPOSIT_ADDRESS_OF edge attributes wallets to gets a
// compound node holding itself and those wallets. A collapsed group hides its members and stands
// for them: bundles.ts draws their transfers with the outside as one summed edge per direction.
// Group nodes are drawing only (no entity): exports and snapshots skip them.
import type { Core, NodeSingular } from "cytoscape";

const ATTRIBUTION = ["CONTROLLED_BY", "DEPOSIT_ADDRESS_OF"];

export const groupId = (org: string) => `group:${org}`;

let enabled = false;

export function groupingOn(): boolean {
  return enabled;
}

export function setGrouping(on: boolean): void {
  enabled = on;
}

/** Wallet id -> organisation id, from the attribution edges drawn (first organisation by id). */
function owners(cy: Core): Map<string, string> {
  const out = new Map<string, string>();
  cy.edges().filter((e) => ATTRIBUTION.includes(e.data("type") as string)).forEach((e) => {
    const [w, org] = [e.source(), e.target()];
    if (w.data("kind") !== "wallet" || w.data("group") || org.data("group")) return;
    const had = out.get(w.id());
    if (!had || org.id() < had) out.set(w.id(), org.id());
  });
  return out;
}

/** Puts every wallet (and its organisation) in the group it belongs to now; drops empty groups. */
export function regroup(cy: Core): void {
  const want = new Map<string, string | null>();
  if (enabled) {
    for (const [w, org] of owners(cy)) {
      want.set(w, groupId(org));
      want.set(org, groupId(org));
    }
  }
  for (const gid of new Set(want.values())) {
    if (!gid || cy.getElementById(gid).nonempty()) continue;
    const org = cy.getElementById(gid.slice("group:".length));
    cy.add({ group: "nodes", data: { id: gid, group: true, kind: "group", org: org.id(), label: org.data("label") } });
  }
  cy.nodes("[!group]").forEach((n: NodeSingular) => {
    const parent = want.get(n.id()) ?? null;
    if ((n.data("parent") ?? null) !== parent) n.move({ parent });
  });
  cy.nodes("[?group]").filter((g) => g.children().empty()).remove();
  cy.nodes("[?group]").forEach((g) => {
    const name = cy.getElementById(g.data("org") as string).data("label") as string;
    const wallets = g.children('[kind = "wallet"]').length;
    const collapsed = !!g.data("collapsed");
    g.toggleClass("collapsed", collapsed);
    g.data("label", collapsed ? `${name} (${wallets} wallet${wallets === 1 ? "" : "s"})` : name);
    g.children().toggleClass("grouphidden", collapsed);
  });
}

/** The node a transfer end is drawn at: its collapsed group, or itself. */
export function drawnEnd(n: NodeSingular): string {
  const p = n.parent();
  return p.nonempty() && p.data("collapsed") ? p.first().id() : n.id();
}

export function toggleGroup(cy: Core, gid: string): boolean {
  const g = cy.getElementById(gid);
  g.data("collapsed", !g.data("collapsed"));
  return !!g.data("collapsed");
}
