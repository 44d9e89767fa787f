// Risk marks from what the canvas shows: sanctioned (the API says so), scam-linked (a
// ScamOperation organisation, or a wallet attributed to one) and compound-linked (an
// organisation operating a compound, its subsidiaries, and wallets attributed to those).
// Marks follow the drawn links only: expanding more can add marks, never remove true ones.
import type { Core, NodeSingular } from "cytoscape";

const ATTRIBUTION = ["CONTROLLED_BY", "DEPOSIT_ADDRESS_OF"];

export function markRisk(cy: Core): void {
  cy.batch(() => {
    const scam = new Set<string>();
    const compound = new Set<string>();
    cy.nodes().forEach((n) => {
      const kinds = (n.data("entity")?.kinds as string[] | undefined) ?? [];
      if (kinds.includes("ScamOperation")) scam.add(n.id());
    });
    cy.edges('[type = "OPERATES"]').forEach((e) => {
      if (e.target().data("kind") === "compound") compound.add(e.source().id());
    });
    cy.edges('[type = "SUBSIDIARY_OF"]').forEach((e) => {
      if (compound.has(e.target().id())) compound.add(e.source().id());
      if (scam.has(e.target().id())) scam.add(e.source().id());
    });
    cy.edges().filter((e) => ATTRIBUTION.includes(e.data("type") as string)).forEach((e) => {
      if (scam.has(e.target().id())) scam.add(e.source().id());
      if (compound.has(e.target().id())) compound.add(e.source().id());
    });
    cy.nodes().forEach((n: NodeSingular) => {
      n.data("scam", scam.has(n.id()));
      n.data("compoundLinked", compound.has(n.id()));
    });
  });
}
