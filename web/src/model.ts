// The browser's own view of entities and relationships, independent of the GraphQL shapes:
// queries.ts turns API answers into these, the canvas and the panels only read these.

export type Kind = "wallet" | "exchange" | "company" | "organization" | "person" | "compound" | "sanction";

export interface Provenance {
  sources: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  confidence: number | null;
}

export interface SanctionInfo {
  id: string;
  authority: string | null;
  program: string | null;
  listingId: string | null;
  listedOn: string | null;
}

/** A resolved cluster (docs/MODEL.md "Resolution"): every member answers as the cluster. */
export interface ClusterInfo {
  id: string;
  members: string[];
  sources: string[];
}

export interface EntityNode {
  id: string;
  typename: string;
  kind: Kind;
  label: string;
  name: string | null;
  kinds: string[];
  aliases: string[];
  sanctions: SanctionInfo[];
  provenance: Provenance | null;
  props: Record<string, unknown>;
  /** Absent in investigations saved before clusters existed. */
  cluster?: ClusterInfo | null;
}

export interface RelEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  asset: string | null;
  amount: number | null;
  ts: string | null;
  label: string;
  provenance: Provenance | null;
  props: Record<string, unknown>;
}

export interface SubgraphData {
  nodes: EntityNode[];
  edges: RelEdge[];
  partial?: boolean;
  reason?: string | null;
}

/** The primary look of an entity from its GraphQL type and kind labels. */
export function kindOf(typename: string, kinds: string[]): Kind {
  const t = typename.toLowerCase();
  if (t === "wallet") return "wallet";
  if (t === "person") return "person";
  if (t === "compound") return "compound";
  if (t === "sanction") return "sanction";
  if (kinds.includes("Exchange")) return "exchange";
  if (kinds.includes("Company")) return "company";
  return "organization";
}

export function shortAddress(addr: string): string {
  return addr.length > 16 ? `${addr.slice(0, 8)}…${addr.slice(-6)}` : addr;
}

export function edgeLabel(type: string, asset: string | null, amount: number | null, extra = ""): string {
  if (type === "TRANSFER" && amount !== null) {
    return `${amount.toLocaleString("en-US", { maximumFractionDigits: 8 })} ${asset ?? ""}`.trim();
  }
  return extra ? `${type} ${extra}` : type;
}

/** Edge width in pixels: logarithmic in the amount, so 10 and 10 million both stay readable. */
export function edgeWidth(amount: number | null): number {
  if (amount === null || amount <= 0) return 1.5;
  return Math.min(12, 1 + 1.4 * Math.log10(1 + amount));
}
