// The graph canvas: Cytoscape with a force layout (fCoSE) and a left-to-right flow layout
// (dagre) for traces. Knows elements and layout, not GraphQL.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from "cytoscape";
import dagre from "cytoscape-dagre";
import fcose from "cytoscape-fcose";
import svg from "cytoscape-svg";
import { STYLE } from "./cystyle";
import { bundlesOf, rebundle } from "./bundles";
import { History } from "./history";
import { withStandIns } from "./layoutgroups";
import { markRisk } from "./risk";
import { groupingOn, regroup, setGrouping, toggleGroup } from "./groups";
import { edgeWidth, type EntityNode, type RelEdge, type SubgraphData } from "./model";

cytoscape.use(dagre);
cytoscape.use(fcose);
cytoscape.use(svg);

export type LayoutName = "force" | "flow";

export type SelectHandler = (ids: string[]) => void;

export class Canvas {
  readonly cy: Core;
  readonly history: History;
  private selectHandlers: SelectHandler[] = [];
  // Selection order matters to the path finder ("from" first), and Cytoscape keeps none.
  private order: string[] = [];

  constructor(container: HTMLElement) {
    this.cy = cytoscape({
      container, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 4,
      // One node per tap; shift/ctrl-tap (or box select) adds to the selection.
      selectionType: "single", boxSelectionEnabled: true,
    });
    this.history = new History(this.cy, () => this.refresh());
    const fire = () => this.selectHandlers.forEach((fn) => fn(this.selectedIds()));
    this.cy.on("select", "node", (ev) => {
      this.order = [...this.order.filter((id) => id !== ev.target.id()), ev.target.id()];
      queueMicrotask(fire);
    });
    this.cy.on("unselect remove", "node", (ev) => {
      this.order = this.order.filter((id) => id !== ev.target.id());
      queueMicrotask(fire);
    });
  }

  onSelect(fn: SelectHandler): void {
    this.selectHandlers.push(fn);
  }

  selectedIds(): string[] {
    return this.order.filter((id) => this.cy.getElementById(id).selected());
  }

  entity(id: string): EntityNode | null {
    const n = this.cy.getElementById(id);
    return n.nonempty() ? (n.data("entity") as EntityNode) : null;
  }

  /** Adds what is not on the canvas yet; returns the ids of the nodes that were new. */
  add(data: SubgraphData, origin?: string): string[] {
    const near = origin ? this.cy.getElementById(origin).position() : this.freeSpot();
    const fresh = data.nodes.filter((n) => this.cy.getElementById(n.id).empty());
    if (fresh.length || data.edges.some((e) => this.cy.getElementById(e.id).empty())) this.history.checkpoint();
    const els: ElementDefinition[] = fresh.map((n) => nodeElement(n, origin, near));
    for (const e of data.edges) {
      if (this.cy.getElementById(e.id).empty()) els.push(edgeElement(e));
    }
    // Edges whose ends are missing would make Cytoscape throw; the API may cut a subgraph.
    const ids = new Set([...this.cy.nodes().map((n) => n.id()), ...fresh.map((n) => n.id)]);
    this.cy.add(els.filter((el) => el.group === "nodes" || (ids.has(el.data.source) && ids.has(el.data.target))));
    this.refresh();
    return fresh.map((n) => n.id);
  }

  /** Organisation groups, bundles of parallel transfers and risk marks follow what is drawn. */
  refresh(): void {
    regroup(this.cy);
    rebundle(this.cy);
    markRisk(this.cy);
  }

  /** Wallets inside their controlling organisation's compound node, or not. */
  group(on: boolean): Promise<void> {
    if (on === groupingOn()) return Promise.resolve();
    this.history.checkpoint();
    setGrouping(on);
    this.refresh();
    return this.layout();
  }

  /** Collapses an organisation group to one node (or opens it); true when now collapsed. */
  toggleGroup(gid: string): boolean {
    this.history.checkpoint();
    const collapsed = toggleGroup(this.cy, gid);
    this.refresh();
    void this.layout();
    return collapsed;
  }

  /** Right of what is drawn already, so a node opened from search does not land on another. */
  private freeSpot(): { x: number; y: number } | undefined {
    if (this.cy.nodes().empty()) return undefined;
    const bb = this.cy.nodes().boundingBox();
    return { x: bb.x2 + 120, y: (bb.y1 + bb.y2) / 2 };
  }

  /** Removes neighbours that hang only off this node (and are neither pinned nor seeds). */
  collapse(id: string): number {
    const node = this.cy.getElementById(id);
    if (node.data("group")) return this.toggleGroup(id) ? node.children().length : 0;
    const leaves = node.neighborhood().nodes().filter((n: NodeSingular) =>
      !n.locked() && !n.data("seed") && n.neighborhood().nodes().filter((m) => m.id() !== id).empty());
    if (leaves.nonempty()) this.history.checkpoint();
    leaves.remove();
    this.refresh();
    return leaves.length;
  }

  togglePin(id: string): boolean {
    const n = this.cy.getElementById(id);
    if (n.locked()) n.unlock();
    else n.lock();
    return n.locked();
  }

  /** Keyboard access to the canvas: select the next (or previous) node and centre it. */
  step(by: number): string | null {
    const nodes = this.cy.nodes(":visible");
    if (nodes.empty()) return null;
    const cur = this.selectedIds().at(-1);
    const i = Math.max(-1, nodes.map((n) => n.id()).indexOf(cur ?? ""));
    const next = nodes[(i + by + nodes.length) % nodes.length];
    this.cy.nodes().unselect();
    next.select();
    this.cy.animate({ center: { eles: next } }, { duration: 150 });
    return next.id();
  }

  remove(ids: string[]): void {
    this.history.checkpoint();
    for (const id of ids) this.cy.getElementById(id).remove();
    this.refresh();
  }

  clear(): void {
    this.history.checkpoint();
    this.cy.elements().remove();
  }

  /** The layout the next re-layout uses; "flow" puts money left to right. */
  mode: LayoutName = "force";

  layout(randomize = false): Promise<void> {
    const eles = this.cy.elements(":visible");
    if (eles.empty()) return Promise.resolve();
    this.history.checkpoint();
    const fixed = this.cy.nodes(":locked").map((n) => ({ nodeId: n.id(), position: n.position() }));
    // Both layouts size nodes with their labels, so names (and a collapsed group's name under
    // it) get room of their own instead of landing on a neighbour's label.
    const options = this.mode === "flow"
      ? { name: "dagre", rankDir: "LR", nodeSep: 40, rankSep: 140, edgeSep: 10, padding: 40, animate: false,
        nodeDimensionsIncludeLabels: true }
      : { name: "fcose", animate: false, randomize, quality: "default", nodeRepulsion: 20000,
        idealEdgeLength: 150, padding: 40, nodeDimensionsIncludeLabels: true,
        fixedNodeConstraint: fixed.length ? fixed : undefined };
    const laid = withStandIns(this.cy, eles);
    const layout = laid.eles.layout(options as cytoscape.LayoutOptions);
    const done = layout.promiseOn("layoutstop");
    layout.run();
    // A handful of nodes would otherwise be blown up to the maximum zoom.
    return done.then(() => {
      laid.finish();
      if (this.cy.zoom() > 1.3) this.cy.zoom({ level: 1.3, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
      this.cy.center();
    });
  }

  highlight(nodeIds: Iterable<string>, edgeIds: Iterable<string>): void {
    this.cy.elements().removeClass("hl dim");
    const hl = this.cy.collection();
    for (const id of nodeIds) hl.merge(this.cy.getElementById(id));
    const edges = new Set(edgeIds);
    for (const id of [...edges, ...bundlesOf(this.cy, edges)]) hl.merge(this.cy.getElementById(id));
    if (hl.empty()) return;
    hl.addClass("hl");
    this.cy.elements().difference(hl).addClass("dim");
  }

  clearHighlight(): void {
    this.cy.elements().removeClass("hl dim");
  }

  /** Hides transfer edges outside [from, to] (ISO strings; null means open). */
  timeFilter(from: string | null, to: string | null): number {
    const edges = this.cy.edges('[type = "TRANSFER"]');
    edges.removeClass("timehidden");
    const out = edges.filter((e) => {
      const ts = e.data("ts") as string | null;
      return !!ts && ((!!from && ts < from) || (!!to && ts > to));
    });
    out.addClass("timehidden");
    rebundle(this.cy);
    return out.length;
  }

  transferTimes(): string[] {
    return this.cy.edges('[type = "TRANSFER"]').map((e) => e.data("ts") as string).filter(Boolean).sort();
  }
}

function nodeElement(n: EntityNode, origin?: string, near?: { x: number; y: number }): ElementDefinition {
  const position = near ? { x: near.x + (Math.random() - 0.5) * 120, y: near.y + (Math.random() - 0.5) * 120 } : undefined;
  return {
    group: "nodes", position,
    data: { id: n.id, label: n.label, kind: n.kind, sanctioned: n.sanctions.length > 0, entity: n, from: origin },
  };
}

function edgeElement(e: RelEdge): ElementDefinition {
  return {
    group: "edges",
    data: { id: e.id, source: e.source, target: e.target, type: e.type, label: e.label, ts: e.ts, w: edgeWidth(e.amount), rel: e },
  };
}
