// Parallel transfers between two wallets drawn as one edge: count, sum per asset, first and
// last time. The individual transfer edges stay in the graph (exports, time filter, evidence
// ids), hidden while bundled; tapping a bundle (or "x") expands it to its transfers.
import type { Core, EdgeSingular } from "cytoscape";
import { fmtAmount } from "./dom";
import { drawnEnd } from "./groups";

export interface Bundle {
  id: string; source: string; target: string; count: number;
  sums: { asset: string; amount: number }[]; first: string | null; last: string | null; members: string[];
}

const expanded = new Set<string>();

export function bundleId(source: string, target: string): string {
  return `bundle:${source}>${target}`;
}

/** Rebuilds every bundle from the transfers not hidden by the time filter. A collapsed
 * organisation group (groups.ts) is one end for all its members, so even one transfer into it
 * is drawn as a summed edge to the group; transfers inside one collapsed group are not drawn. */
export function rebundle(cy: Core): void {
  cy.batch(() => {
    cy.edges("[?bundle]").remove();
    cy.edges(".bundled").removeClass("bundled");
    const groups = new Map<string, EdgeSingular[]>();
    const ends = new Map<string, [string, string]>();
    cy.edges('[type = "TRANSFER"]').not(".timehidden").forEach((e) => {
      const [s, t] = [drawnEnd(e.source()), drawnEnd(e.target())];
      if (s === t) return;
      const key = bundleId(s, t);
      ends.set(key, [s, t]);
      groups.set(key, [...(groups.get(key) ?? []), e]);
    });
    for (const [id, edges] of groups) {
      const [s, t] = ends.get(id)!;
      const toGroup = s !== edges[0].source().id() || t !== edges[0].target().id();
      if ((edges.length < 2 && !toGroup) || (expanded.has(id) && !toGroup)) continue;
      const b = { ...summarise(id, edges), source: s, target: t };
      cy.add({ group: "edges", data: { ...b, bundle: true, type: "BUNDLE", label: bundleLabel(b),
        w: Math.min(14, 2 + 1.4 * Math.log10(1 + b.sums.reduce((s, x) => s + x.amount, 0))) } });
      for (const e of edges) e.addClass("bundled");
    }
  });
}

function summarise(id: string, edges: EdgeSingular[]): Bundle {
  const sums = new Map<string, number>();
  const times: string[] = [];
  for (const e of edges) {
    const asset = (e.data("rel")?.asset as string | null) ?? "?";
    sums.set(asset, (sums.get(asset) ?? 0) + ((e.data("rel")?.amount as number | null) ?? 0));
    const ts = e.data("ts") as string | null;
    if (ts) times.push(ts);
  }
  times.sort();
  return {
    id, source: edges[0].source().id(), target: edges[0].target().id(), count: edges.length,
    sums: [...sums].map(([asset, amount]) => ({ asset, amount })), first: times[0] ?? null,
    last: times.at(-1) ?? null, members: edges.map((e) => e.id()),
  };
}

export function bundleLabel(b: Bundle): string {
  return `${b.count}\u00d7 ${b.sums.map((s) => `${fmtAmount(s.amount)} ${s.asset}`).join(" + ")}`;
}

/** Shows the transfers of a bundle (or bundles them again). */
export function toggleBundle(cy: Core, id: string): void {
  if (expanded.has(id)) expanded.delete(id);
  else expanded.add(id);
  rebundle(cy);
}

/** The bundles drawn for these transfer ids, so evidence lights up on what is visible. */
export function bundlesOf(cy: Core, edgeIds: Set<string>): string[] {
  return cy.edges("[?bundle]").filter((b) => (b.data("members") as string[]).some((m) => edgeIds.has(m))).map((b) => b.id());
}
