// Who controls the wallets a trace or path reached: one request, one aliased field per wallet.
import { gql } from "./api";
import { toEdge, toNode, type GqlEntity, type GqlRelationship } from "./convert";
import { ENTITY, REL } from "./queries";
import type { App } from "./app";

const ATTRIBUTION = ["CONTROLLED_BY", "DEPOSIT_ADDRESS_OF"];
// Bounded so one trace never turns into dozens of neighbourhood queries.
const MAX_WALLETS = 12;

export async function attachControllers(app: App, walletIds: string[]): Promise<void> {
  const ids = walletIds.filter((id) => app.canvas.entity(id)?.kind === "wallet").slice(0, MAX_WALLETS);
  if (!ids.length) return;
  const vars: Record<string, unknown> = { rel: ATTRIBUTION };
  const fields = ids.map((id, i) => {
    vars[`id${i}`] = id;
    return `n${i}: neighbourhood(id: $id${i}, relTypes: $rel, depth: 1, limit: 5) { nodes { ...E } edges { ...R } }`;
  });
  const params = ids.map((_, i) => `$id${i}: ID!`).join(", ");
  const doc = `query Controllers(${params}, $rel: [String!]) { ${fields.join("\n")} } ${ENTITY} ${REL}`;
  type Nb = { nodes: GqlEntity[]; edges: GqlRelationship[] };
  const d = await gql<Record<string, Nb>>(doc, vars);
  for (const nb of Object.values(d)) app.canvas.add({ nodes: nb.nodes.map(toNode), edges: nb.edges.map(toEdge) });
}
