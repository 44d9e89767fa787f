// Collapsed organisation groups in a layout. Cytoscape never moves a compound node itself (its
// place is its children's), and a collapsed group's children are hidden, so the layouts left
// the group where its members last were and drew other nodes over it (docs/screenshots 18).
// For the layout each collapsed group is stood in for by a plain node of its size, name and
// edges; afterwards the group's hidden members move by the stand-in's offset, so the group
// lands where the layout put the stand-in, and the stand-ins go.
import type { Collection, Core } from "cytoscape";

const PREFIX = "layout-stand-in:";

export interface Laid {
  eles: Collection;
  finish: () => void;
}

export function withStandIns(cy: Core, eles: Collection): Laid {
  const groups = eles.nodes("[?group].collapsed");
  if (groups.empty()) return { eles, finish: () => undefined };
  const added = cy.collection();
  cy.batch(() => groups.forEach((g) => {
    const id = PREFIX + g.id();
    added.merge(cy.add({ group: "nodes", data: { id, label: g.data("label") }, classes: "standin", position: { ...g.position() } }));
    g.connectedEdges(":visible").forEach((e) => {
      const end = (n: string) => (n === g.id() ? id : n);
      added.merge(cy.add({ group: "edges", classes: "standin",
        data: { id: PREFIX + e.id(), source: end(e.source().id()), target: end(e.target().id()) } }));
    });
  }));
  const laid = eles.not(groups).not(groups.connectedEdges()).union(added);
  const finish = () => {
    cy.batch(() => groups.forEach((g) => {
      const to = cy.getElementById(PREFIX + g.id()).position();
      const from = g.position();
      const [dx, dy] = [to.x - from.x, to.y - from.y];
      g.children().positions((n) => ({ x: n.position("x") + dx, y: n.position("y") + dy }));
      // With every child hidden Cytoscape keeps a compound's own last position (its children
      // have no area to size it by), so the group itself must be put there too.
      g.position({ x: to.x, y: to.y });
    }));
    cy.remove(added);
  };
  return { eles: laid, finish };
}
