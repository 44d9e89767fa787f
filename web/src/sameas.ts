// A resolved cluster's member, clicked in the Details panel, drawn as its own node beside the
// node shown and joined to it by SAME_AS (member -> canonical, the way the store's derived
// SAME_AS edges run), labelled with the analyst's judgement (reason, score) when the API has
// one. Node and edge are added in one canvas action, so one undo removes both.
import { gql } from "./api";
import * as Q from "./queries";
import { edgeLabel, type ClusterInfo, type RelEdge } from "./model";
import type { App } from "./app";

export interface SameJudgement {
  id: string; a: string; b: string; verdict: string; by: string; at: string; reason: string;
  score: number | null; undoneAt: string | null;
}

const JUDGEMENTS = `query Judgements { judgements { id a b verdict by at reason score undoneAt } }`;
// A reason longer than this is cut in the edge label; the Details panel shows all of it.
const LABEL_REASON = 40;

/** The active "same" judgement joining `member` to the cluster: the one naming `shown` first,
 * else one naming another member (a cluster is the connected pairs judged the same). */
export function pickJudgement(all: SameJudgement[], member: string, shown: string, c: ClusterInfo): SameJudgement | null {
  const mine = all.filter((j) => j.verdict === "same" && !j.undoneAt && (j.a === member || j.b === member));
  const other = (j: SameJudgement) => (j.a === member ? j.b : j.a);
  return mine.find((j) => other(j) === shown) ?? mine.find((j) => c.members.includes(other(j))) ?? null;
}

async function judgementOf(member: string, shown: string, c: ClusterInfo): Promise<SameJudgement | null> {
  const all = (await gql<{ judgements: SameJudgement[] }>(JUDGEMENTS)).judgements;
  return pickJudgement(all, member, shown, c);
}

export function sameAsEdge(source: string, target: string, j: SameJudgement | null): RelEdge {
  const reason = j?.reason ?? "";
  const cut = reason.length > LABEL_REASON ? `${reason.slice(0, LABEL_REASON - 1)}\u2026` : reason;
  const extra = [j?.score !== null && j?.score !== undefined ? j.score.toFixed(2) : "", cut].filter(Boolean).join(" \u00b7 ");
  const props: Record<string, unknown> = j
    ? { reason: j.reason, score: j.score, judged_by: j.by, judged_at: j.at, judgement: j.id }
    : { reason: "same cluster (no judgement readable)" };
  return { id: `SAME_AS:${source}>${target}`, type: "SAME_AS", source, target, asset: null, amount: null,
    ts: null, label: edgeLabel("SAME_AS", null, null, extra), provenance: null, props };
}

/** Draw cluster member `member` beside `shown` (the node whose details list the cluster). */
export async function drawMember(app: App, c: ClusterInfo, shown: string, member: string): Promise<void> {
  if (member === shown) return app.focus(member);
  const cy = app.canvas.cy;
  // The judgements are reader-level; without them the edge still says the two are one cluster.
  const [sub, j] = await Promise.all([Q.entity(member), judgementOf(member, shown, c).catch(() => null)]);
  const [source, target] = member === c.id ? [shown, member] : [member, shown];
  const drawn = cy.edges('[type = "SAME_AS"]').filter((e) =>
    (e.source().id() === source && e.target().id() === target) || (e.source().id() === target && e.target().id() === source));
  app.canvas.add({ nodes: sub.nodes, edges: drawn.nonempty() ? [] : [sameAsEdge(source, target, j)] }, shown);
  await app.canvas.layout();
  cy.nodes().unselect();
  cy.getElementById(member).select();
  app.tabs.show("Details");
  app.status(`${member} is the same as ${shown}${j ? ` (${j.reason})` : ""}`);
}
