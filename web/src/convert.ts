// GraphQL answers (Entity interface, Relationship, Transfer) to the browser's own model.
import { edgeLabel, kindOf, shortAddress, type EntityNode, type Provenance, type RelEdge } from "./model";

export interface GqlEntity {
  __typename: string;
  id: string;
  name: string | null;
  labels: string[];
  sources: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  confidence: number | null;
  sanctions: { id: string; authority: string | null; program: string | null; listingId: string | null; listedOn: string | null }[];
  properties: Record<string, unknown> | null;
  clusterId?: string | null;
  clusterMemberIds?: string[];
  clusterSources?: string[];
  kinds?: string[];
  aliases?: string[];
  display?: string | null;
  address?: string | null;
  chain?: string | null;
}

export interface GqlRelationship {
  key: string;
  type: string;
  startId: string;
  endId: string;
  properties: Record<string, unknown> | null;
  sources: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  confidence: number | null;
}

export interface GqlTransfer {
  id: string;
  tx: string;
  fromId: string;
  toId: string;
  asset: string;
  amount: number;
  amountRaw: string | null;
  ts: string;
}

function provenance(x: { sources: string[]; firstSeen: string | null; lastSeen: string | null; confidence: number | null }): Provenance {
  return { sources: x.sources ?? [], firstSeen: x.firstSeen, lastSeen: x.lastSeen, confidence: x.confidence };
}

export function toNode(e: GqlEntity): EntityNode {
  const kinds = e.kinds ?? e.labels.filter((l) => !["Entity", e.__typename].includes(l));
  const kind = kindOf(e.__typename, kinds);
  const addr = e.display ?? e.address ?? (e.properties?.display as string | undefined) ?? null;
  const label = kind === "wallet" && addr ? shortAddress(addr) : e.name ?? e.id;
  return {
    id: e.id, typename: e.__typename, kind, label, name: e.name, kinds, aliases: e.aliases ?? [],
    sanctions: e.sanctions ?? [], provenance: provenance(e), props: e.properties ?? {},
    cluster: e.clusterId ? { id: e.clusterId, members: e.clusterMemberIds ?? [], sources: e.clusterSources ?? [] } : null,
  };
}

function num(x: unknown): number | null {
  return typeof x === "number" ? x : typeof x === "string" && x !== "" && !Number.isNaN(Number(x)) ? Number(x) : null;
}

function str(x: unknown): string | null {
  return typeof x === "string" ? x : null;
}

export function toEdge(r: GqlRelationship): RelEdge {
  const p = r.properties ?? {};
  const amount = num(p.amount);
  const asset = str(p.asset);
  const share = num(p.share);
  const extra = share !== null ? `${share}%` : str(p.role) ?? "";
  return {
    id: r.key, type: r.type, source: r.startId, target: r.endId, asset, amount, ts: str(p.ts),
    label: edgeLabel(r.type, asset, amount, extra), provenance: provenance(r), props: p,
  };
}

export function transferEdge(t: GqlTransfer): RelEdge {
  return {
    id: t.id, type: "TRANSFER", source: t.fromId, target: t.toId, asset: t.asset, amount: t.amount, ts: t.ts,
    label: edgeLabel("TRANSFER", t.asset, t.amount), provenance: null,
    props: { tx: t.tx, asset: t.asset, amount: t.amount, amount_raw: t.amountRaw, ts: t.ts },
  };
}
