// An investigation as JSON: what is on the canvas (entities, relationships, positions, pins),
// the view and the time window. Saved on the server, exported to a file, and restored from both.
import type { Canvas } from "./canvas";
import type { EntityNode, RelEdge } from "./model";

export const FORMAT = "scamgraph-investigation";

export interface Snapshot {
  format: typeof FORMAT;
  version: 1;
  name: string;
  savedAt: string;
  nodes: { entity: EntityNode; x: number; y: number; pinned: boolean; seed: boolean }[];
  edges: RelEdge[];
  view: { zoom: number; pan: { x: number; y: number } };
  timeWindow: [string | null, string | null];
}

export function takeSnapshot(canvas: Canvas, name: string, timeWindow: [string | null, string | null]): Snapshot {
  const cy = canvas.cy;
  return {
    format: FORMAT, version: 1, name, savedAt: new Date().toISOString(),
    nodes: cy.nodes("[!group]").map((n) => ({
      entity: n.data("entity") as EntityNode, x: n.position("x"), y: n.position("y"),
      pinned: n.locked(), seed: !!n.data("seed"),
    })),
    edges: cy.edges("[!bundle]").map((e) => e.data("rel") as RelEdge),
    view: { zoom: cy.zoom(), pan: cy.pan() },
    timeWindow,
  };
}

export function restoreSnapshot(canvas: Canvas, snap: Snapshot): void {
  if (snap.format !== FORMAT) throw new Error("not a scamgraph investigation file");
  canvas.clear();
  canvas.add({ nodes: snap.nodes.map((n) => n.entity), edges: snap.edges });
  for (const n of snap.nodes) {
    const el = canvas.cy.getElementById(n.entity.id);
    el.position({ x: n.x, y: n.y });
    if (n.seed) el.data("seed", true);
    if (n.pinned) el.lock();
  }
  canvas.cy.viewport({ zoom: snap.view.zoom, pan: snap.view.pan });
}
