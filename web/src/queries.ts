// Every GraphQL document the browser sends, written against api/schema.graphql.
import { gql } from "./api";
import { toEdge, toNode, transferEdge, type GqlEntity, type GqlRelationship, type GqlTransfer } from "./convert";
import type { SubgraphData } from "./model";

export const ENTITY = `
fragment E on Entity {
  __typename id name labels sources firstSeen lastSeen confidence properties sanctioned
  clusterId clusterMemberIds clusterSources
  sanctions { id authority program listingId listedOn }
  ... on Wallet { chain address display }
  ... on Organization { kinds aliases }
  ... on Person { aliases }
  ... on Compound { aliases }
}`;

export const REL = `
fragment R on Relationship { key type startId endId properties sources firstSeen lastSeen confidence }`;

export const TRANSFER = `
fragment T on Transfer { id tx fromId toId asset amount amountRaw ts from { ...E } to { ...E } }`;

export interface SearchHit {
  node: GqlEntity;
  score: number;
}

export async function search(text: string, first = 12): Promise<SearchHit[]> {
  const q = `query Search($text: String!, $first: Int!) {
    search(text: $text, first: $first) { edges { score node { ...E } } }
  } ${ENTITY}`;
  const d = await gql<{ search: { edges: SearchHit[] } }>(q, { text, first });
  return d.search.edges;
}

export async function entity(id: string): Promise<SubgraphData> {
  const q = `query Entity($id: ID!) { entity(id: $id) { ...E } } ${ENTITY}`;
  const d = await gql<{ entity: GqlEntity | null }>(q, { id });
  return { nodes: d.entity ? [toNode(d.entity)] : [], edges: [] };
}

/** Every member record of the entity's cluster, with its own sources (not the union). */
export async function clusterMembers(id: string): Promise<{ id: string; sources: string[] }[]> {
  const q = `query Members($id: ID!) { entity(id: $id) { clusterMembers { id sources } } }`;
  const d = await gql<{ entity: { clusterMembers: { id: string; sources: string[] }[] } | null }>(q, { id });
  return d.entity?.clusterMembers ?? [];
}

export async function neighbourhood(id: string, relTypes: string[], limit = 60): Promise<SubgraphData> {
  const q = `query Nb($id: ID!, $relTypes: [String!], $limit: Int!) {
    neighbourhood(id: $id, relTypes: $relTypes, depth: 1, limit: $limit) {
      partial reason nodes { ...E } edges { ...R }
    }
  } ${ENTITY} ${REL}`;
  type Nb = { nodes: GqlEntity[]; edges: GqlRelationship[]; partial: boolean; reason: string | null };
  const d = await gql<{ neighbourhood: Nb }>(q, { id, relTypes: relTypes.length ? relTypes : null, limit });
  const nb = d.neighbourhood;
  return { nodes: nb.nodes.map(toNode), edges: nb.edges.map(toEdge), partial: nb.partial, reason: nb.reason };
}

export interface PathsAnswer {
  paths: SubgraphData[];
  partial: boolean;
  reason: string | null;
}

export async function paths(from: string, to: string, maxLength: number, k: number): Promise<PathsAnswer> {
  const q = `query Paths($from: ID!, $to: ID!, $maxLength: Int!, $k: Int!) {
    paths(from: $from, to: $to, maxLength: $maxLength, k: $k) {
      partial reason paths { length nodes { ...E } edges { ...R } }
    }
  } ${ENTITY} ${REL}`;
  type P = { nodes: GqlEntity[]; edges: GqlRelationship[] };
  const d = await gql<{ paths: { paths: P[]; partial: boolean; reason: string | null } }>(q, { from, to, maxLength, k });
  return {
    paths: d.paths.paths.map((p) => ({ nodes: p.nodes.map(toNode), edges: p.edges.map(toEdge) })),
    partial: d.paths.partial, reason: d.paths.reason,
  };
}

export function evidenceGraph(hops: (GqlTransfer & { from: GqlEntity | null; to: GqlEntity | null })[]): SubgraphData {
  const nodes = new Map<string, GqlEntity>();
  for (const h of hops) for (const e of [h.from, h.to]) if (e) nodes.set(e.id, e);
  return { nodes: [...nodes.values()].map(toNode), edges: hops.map(transferEdge) };
}
