// What an exposure answer says about itself: its time treatment in words, and whether the hop
// budget cut the region (then the answer depends on the budget, and one click asks further).
import { h } from "./dom";

/** The API's ExposureMethod values (api/schema.graphql); the API's own default is offered first. */
export const EXPOSURE_METHODS = ["HAIRCUT_TIMED", "HAIRCUT", "ANY_CONTACT"] as const;

export const TIME_TREATMENT: Record<string, string> = {
  TIME_ORDERED: "time-ordered \u2014 a payment carries only value its sender received before it.",
  UNORDERED: "unordered \u2014 one pool per wallet over the whole record, whatever the order.",
};

export function hopCutLine(x: { hopCut: boolean; maxHops: number; moreHops: number | null },
  rerun: (hops: number) => void): HTMLElement | null {
  if (!x.hopCut) return null;
  const more = x.moreHops;
  if (more === null) {
    return h("p", { class: "note", id: "exposure-hopcut" },
      `Answer depends on the hop budget: the region was cut at ${x.maxHops} hops, the most the API allows.`);
  }
  const n = more - x.maxHops;
  return h("p", { class: "note", id: "exposure-hopcut" },
    `Answer depends on the hop budget: ${n} more hop${n === 1 ? "" : "s"} reach${n === 1 ? "es" : ""} further. `,
    h("button", { type: "button", id: "exposure-more-hops", onclick: () => rerun(more) }, `Measure with ${more} hops`));
}
