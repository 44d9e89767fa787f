// The search box: full-text over names, aliases and addresses, typed results, keyboard-driven.
import { h, clear } from "./dom";
import { KIND_COLOURS } from "./cystyle";
import { toNode } from "./convert";
import type { EntityNode } from "./model";
import * as Q from "./queries";
import { errorText, type App } from "./app";

export function initSearch(host: HTMLElement, app: App): HTMLInputElement {
  const input = h("input", {
    id: "search-input", type: "search", placeholder: "Search names, aliases, addresses (/)",
    role: "combobox", "aria-expanded": "false", "aria-controls": "search-results", "aria-autocomplete": "list",
    autocomplete: "off",
  });
  const list = h("ul", { id: "search-results", role: "listbox", hidden: true });
  host.append(input, list);
  let hits: EntityNode[] = [];
  let active = -1;
  let timer = 0;
  let seq = 0;

  const render = () => {
    clear(list, ...hits.map((n, i) => resultItem(n, i === active, () => pick(i))));
    if (!hits.length) list.append(h("li", { class: "muted", role: "option" }, "No match"));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  };
  const pick = (i: number) => {
    const n = hits[i];
    if (!n) return;
    close();
    // Hand the keyboard to the canvas so e/c/p/t act on the node just opened.
    document.getElementById("cy")?.focus();
    void app.focus(n.id);
  };
  const query = async () => {
    const text = input.value.trim();
    if (text.length < 2) return close();
    const mine = ++seq;
    try {
      const found = await Q.search(text);
      if (mine !== seq) return; // a newer keystroke already asked again
      hits = found.map((x) => toNode(x.node));
      active = hits.length ? 0 : -1;
      render();
    } catch (err) {
      app.status(`search failed: ${errorText(err)}`, true);
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(query, 250);
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!hits.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      clearTimeout(timer);
      if (!list.hidden && active >= 0) pick(active);
      else void query();
    } else if (ev.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 200));
  return input;
}

function resultItem(n: EntityNode, active: boolean, onPick: () => void): HTMLElement {
  const typeName = typeLabel(n);
  const sub = n.kind === "wallet" ? String(n.props.chain ?? "") : n.aliases.slice(0, 2).join(", ");
  return h("li", { role: "option", "aria-selected": String(active), "data-id": n.id, onmousedown: onPick },
    h("span", { class: "badge", style: `background:${KIND_COLOURS[n.kind]}` }, typeName),
    h("span", { class: "name" }, n.kind === "wallet" ? String(n.props.display ?? n.label) : n.name ?? n.id),
    n.sanctions.length ? h("span", { class: "badge sanctioned" }, "sanctioned") : null,
    // A resolved cluster is one hit (the API returns its canonical entity once): say how many records.
    n.cluster ? h("span", { class: "badge cluster", title: n.cluster.members.join(", ") }, `${n.cluster.members.length} records`) : null,
    h("span", { class: "muted sub" }, sub));
}

/** The most specific kind: "PaymentProvider" says more than "Company". */
export function typeLabel(n: EntityNode): string {
  return n.kinds.filter((k) => k !== "Company").at(-1) ?? n.kinds[0] ?? n.typename;
}
