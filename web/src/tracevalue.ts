// What a value trace (HAIRCUT, FIFO, LIFO) adds to the trace panel: amounts from exact base
// units, where the seeds' value is now (per wallet), and the conservation line in numbers.
import { fmtAmount, h } from "./dom";

export const METHODS = ["PATHS", "POISON", "HAIRCUT", "FIFO", "LIFO"] as const;
export type Method = (typeof METHODS)[number];

export interface Amount { asset: string; amount: number; transfers: number; amountRaw: string | null }

export interface Conservation {
  asset: string; decimals: number | null; sentRaw: string; attributedRaw: string; stillHeldRaw: string;
  returnedToSeedsRaw: string; droppedMinAmountRaw: string; droppedHopCapRaw: string; droppedBudgetRaw: string;
  /** BACKWARD only (sources of funds): what the seeds received, and the part with no known origin. */
  receivedRaw?: string; unexplainedRaw?: string;
}

export interface TracedWallet {
  walletId: string; asset: string; role: string; hops: number; receivedRaw: string; passedOnRaw: string; heldRaw: string;
}

export const VALUE_METHODS: readonly Method[] = ["HAIRCUT", "FIFO", "LIFO"];
/** The Trace tab's method until one is chosen (the API's own default stays PATHS). */
export const DEFAULT_METHOD: Method = "HAIRCUT";

/** The value part of the trace document; a BACKWARD trace also asks what the seeds received. */
export function valueFields(direction: string): string {
  const back = direction === "BACKWARD" ? " receivedRaw unexplainedRaw" : "";
  return `method
    conservation { asset decimals sentRaw attributedRaw stillHeldRaw returnedToSeedsRaw droppedMinAmountRaw
      droppedHopCapRaw droppedBudgetRaw${back} }
    wallets { walletId asset role hops receivedRaw passedOnRaw heldRaw }`;
}

export type Decimals = Map<string, number | null>;

export function decimalsOf(c: Conservation[]): Decimals {
  return new Map(c.map((x) => [x.asset, x.decimals]));
}

/** Base units as a decimal string, exactly (BigInt, no float): "1234500000", 6 -> "1,234.5". */
export function fmtRaw(raw: string, decimals: number | null | undefined): string {
  if (decimals === null || decimals === undefined || !/^-?\d+$/.test(raw)) return `${raw} base units`;
  const neg = raw.startsWith("-");
  const digits = (neg ? raw.slice(1) : raw).padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

/** An API sum (flows' periods, typology hits): its exact base units with the asset's decimals
 * when the API knows both, else the scaled float. */
export function exactAmount(a: { amount: number; amountRaw?: string | null; decimals?: number | null }): string {
  return a.amountRaw && a.decimals !== null && a.decimals !== undefined ? fmtRaw(a.amountRaw, a.decimals) : fmtAmount(a.amount);
}

/** One amount with its asset: exact when the API gave base units, else the scaled float. */
export function amountText(a: Amount, dec: Decimals): string {
  const n = a.amountRaw !== null && dec.has(a.asset) ? fmtRaw(a.amountRaw, dec.get(a.asset)) : fmtAmount(a.amount);
  return `${n} ${a.asset}`;
}

function sum(xs: string[]): bigint {
  return xs.reduce((acc, x) => acc + BigInt(x), 0n);
}

/** FORWARD "sent = attributed + still held + returned + dropped" (BACKWARD: "received =
 * attributed + unexplained + returned + dropped"), in numbers, with the check. */
export function conservationView(cs: Conservation[]): HTMLElement {
  const items = cs.map((c) => {
    const f = (raw: string) => fmtRaw(raw, c.decimals);
    const back = c.receivedRaw !== undefined && c.unexplainedRaw !== undefined;
    const [total, rest] = back ? [c.receivedRaw ?? "0", c.unexplainedRaw ?? "0"] : [c.sentRaw, c.stillHeldRaw];
    const [totalName, restName] = back ? ["received", "unexplained"] : ["sent", "still held"];
    const dropped = [c.droppedMinAmountRaw, c.droppedHopCapRaw, c.droppedBudgetRaw];
    const adds = sum([c.attributedRaw, rest, c.returnedToSeedsRaw, ...dropped]) === BigInt(total);
    return h("li", { "data-asset": c.asset },
      h("span", { class: "still-held" }, `${back ? "Unexplained" : "Still held"}: ${f(rest)} ${c.asset}`), h("br"),
      `${totalName} ${f(total)} = attributed ${f(c.attributedRaw)} + ${restName} ${f(rest)}`
        + ` + returned to seeds ${f(c.returnedToSeedsRaw)} + dropped ${fmtRaw(String(sum(dropped)), c.decimals)}`
        + ` (below minimum ${f(c.droppedMinAmountRaw)}, past hop cap ${f(c.droppedHopCapRaw)},`
        + ` past budget ${f(c.droppedBudgetRaw)}) ${c.asset} `,
      h("strong", { class: adds ? "ok" : "bad" }, adds ? "adds up" : "does NOT add up"));
  });
  if (!items.length) return h("p", { class: "muted", id: "trace-conservation" }, "No value moved in the window.");
  return h("ul", { class: "plain", id: "trace-conservation" }, ...items);
}

/** Where the seeds' value is now: wallets still holding some, most first. */
export function walletsView(ws: TracedWallet[], dec: Decimals, label: (id: string) => string,
  onPick: (id: string) => void): HTMLElement {
  const held = ws.filter((w) => BigInt(w.heldRaw) > 0n)
    .sort((a, b) => (BigInt(b.heldRaw) > BigInt(a.heldRaw) ? 1 : BigInt(b.heldRaw) < BigInt(a.heldRaw) ? -1 : 0));
  if (!held.length) return h("p", { class: "muted", id: "trace-wallets" }, "No wallet holds any of it.");
  const rows = held.map((w) => {
    const f = (raw: string) => `${fmtRaw(raw, dec.get(w.asset))} ${w.asset}`;
    const tr = h("tr", { class: "clickable", tabindex: 0, "data-id": w.walletId, onclick: () => onPick(w.walletId) },
      h("td", {}, label(w.walletId)), h("td", {}, w.role), h("td", { class: "num" }, String(w.hops)),
      h("td", { class: "num" }, f(w.receivedRaw)), h("td", { class: "num" }, f(w.heldRaw)));
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onPick(w.walletId); });
    return tr;
  });
  return h("table", { class: "list", id: "trace-wallets" },
    h("thead", {}, h("tr", {}, ...["Wallet", "Role", "Hops", "Received", "Held now"].map((x) => h("th", {}, x)))),
    h("tbody", {}, ...rows));
}

/** An answer cut by the hop budget says so: how much went on past it, per asset, and what to do. */
export function hopCapNote(cs: Conservation[], hops: number): HTMLElement | null {
  const cut = cs.filter((c) => BigInt(c.droppedHopCapRaw) > 0n);
  if (!cut.length) return null;
  const parts = cut.map((c) => {
    const total = BigInt(c.receivedRaw ?? c.sentRaw);
    const pct = total > 0n ? Number((BigInt(c.droppedHopCapRaw) * 10000n) / total) / 100 : 0;
    return `${fmtRaw(c.droppedHopCapRaw, c.decimals)} ${c.asset} (${pct} %)`;
  });
  return h("p", { class: "bad", id: "trace-hopcap" },
    `Past the hop cap of ${hops}: ${parts.join(", ")} went on beyond the traced wallets. Raise Hops to follow it.`);
}
