// "Controlled by" in the Risk tab: the companies a person controls (directly or through other
// companies) and the wallets attributed to those, listed and drawn on the canvas.
import { gql } from "./api";
import { clear, field, h } from "./dom";
import { toNode, type GqlEntity } from "./convert";
import { edgeLabel, type RelEdge } from "./model";
import { ENTITY } from "./queries";
import { table } from "./trace";
import { errorText, type App } from "./app";
import { percent } from "./analysis";

interface Control {
  person: GqlEntity; partial: boolean; reason: string | null;
  companies: { entity: GqlEntity; via: string; depth: number; effectiveShare: number | null }[];
  wallets: { wallet: GqlEntity; controllerId: string; controller: GqlEntity | null }[];
}

const CONTROL = `query Control($p: ID!) { controlledBy(person: $p) { partial reason person { ...E }
  companies { entity { ...E } via depth effectiveShare }
  wallets { wallet { ...E } controllerId controller { ...E } } } } ${ENTITY}`;

/** The form and its results, for the Risk tab to place. */
export function controlForm(app: App): HTMLElement[] {
  const person = h("input", { id: "control-person", placeholder: "person id" });
  const out = h("div", { id: "control-results" });
  const pick = () => { person.value = app.canvas.selectedIds().at(-1) ?? person.value; };
  const form = h("form", { class: "stack", id: "control-form" }, h("h2", {}, "Controlled by a person"),
    h("div", { class: "row" }, field("Person", person), h("button", { type: "button", onclick: pick }, "Use selected")),
    h("button", { type: "submit", class: "primary", id: "control-run" }, "Find what they control"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    void app.run("controlled by", async () => {
      try {
        const c = (await gql<{ controlledBy: Control }>(CONTROL, { p: person.value.trim() })).controlledBy;
        await show(app, out, c);
      } catch (err) {
        clear(out, h("p", { class: "bad", id: "control-error" }, `Refused: ${errorText(err)}`));
        throw err;
      }
    });
  });
  return [form, out];
}

function edge(type: string, source: string, target: string, label: string): RelEdge {
  return { id: `${type}:${source}>${target}`, type, source, target, asset: null, amount: null, ts: null,
    label, provenance: null, props: {} };
}

async function show(app: App, out: HTMLElement, c: Control): Promise<void> {
  const pid = c.person.id;
  // Chains deeper than one link are drawn as one edge naming the first link type and depth.
  const edges = [
    ...c.companies.map((x) => edge(x.depth === 1 ? x.via : "CONTROLS", pid, x.entity.id,
      x.depth === 1 ? edgeLabel(x.via, null, null) : `${x.via}\u2026 (${x.depth} links)`)),
    ...c.wallets.map((w) => edge("CONTROLLED_BY", w.wallet.id, w.controllerId, "CONTROLLED_BY")),
  ];
  const nodes = [c.person, ...c.companies.map((x) => x.entity), ...c.wallets.flatMap((w) => [w.wallet, ...(w.controller ? [w.controller] : [])])];
  app.canvas.add({ nodes: nodes.map(toNode), edges });
  app.canvas.highlight(nodes.map((n) => n.id), edges.map((e) => e.id));
  await app.canvas.layout();
  app.tabs.show("Risk");
  const name = (e: GqlEntity | null, id: string) => e?.name ?? e?.display ?? id;
  clear(out,
    c.partial ? h("p", { class: "bad", id: "control-partial" }, `Partial: ${c.reason ?? ""}`) : null,
    h("h3", {}, "Companies"),
    table(["Company", "Via", "Links", "Effective share"], c.companies.map((x) => ({
      id: x.entity.id, cells: [name(x.entity, x.entity.id), x.via, String(x.depth), percent(x.effectiveShare)],
      onPick: () => void app.focus(x.entity.id),
    })), "control-companies"),
    h("h3", {}, "Wallets"),
    table(["Wallet", "Attributed to"], c.wallets.map((w) => ({
      id: w.wallet.id, cells: [name(w.wallet, w.wallet.id), name(w.controller, w.controllerId)],
      onPick: () => void app.focus(w.wallet.id),
    })), "control-wallets"));
}
